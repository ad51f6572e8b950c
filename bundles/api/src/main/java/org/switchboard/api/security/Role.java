package org.switchboard.api.security;

import java.util.Locale;
import java.util.Optional;

/** The appliance's roles, each including the rights of the ones below it. */
public enum Role {
    AGENT,
    SUPERVISOR,
    ADMIN;

    /** The role's name in the JAAS realm. */
    public String realmName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role grants what {@code required} grants. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    public static Optional<Role> fromRealmName(String name) {
        for (Role role : values()) {
            if (role.realmName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
