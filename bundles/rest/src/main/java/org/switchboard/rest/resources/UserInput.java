package org.switchboard.rest.resources;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.security.Role;

/** Checks of a user's name, password and roles as sent over REST, each failure naming its field. */
final class UserInput {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    private UserInput() {
    }

    /** The characters agent logins may use, so that a user can carry the login of the agent they are. */
    static String name(String name) {
        if (name == null || !name.matches("[\\p{L}\\p{N}._@+-]{1,128}")) {
            throw ProblemException.invalid("name", "A user name is 1-128 letters, digits or . _ @ + -, was '"
                    + name + "'");
        }
        return name;
    }

    /** The password policy; the detail never repeats the password. */
    static String password(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ProblemException.invalid("password", "A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters");
        }
        // The realm's file separates the password from the groups with commas, and trims the ends of values.
        if (password.indexOf(',') >= 0 || !password.equals(password.strip())
                || password.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("password", "A password may not contain commas or control characters,"
                    + " nor begin or end with a space");
        }
        return password;
    }

    /** At least one of agent, supervisor, admin. */
    static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ProblemException.invalid("roles", "Give at least one role of " + known());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.fromRealmName(name == null ? "" : name).orElseThrow(() -> ProblemException.invalid("roles",
                    "Unknown role '" + name + "'; roles are " + known())));
        }
        return roles;
    }

    private static List<String> known() {
        return java.util.Arrays.stream(Role.values()).map(Role::realmName).toList();
    }
}
