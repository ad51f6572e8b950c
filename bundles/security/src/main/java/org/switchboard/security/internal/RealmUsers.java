package org.switchboard.security.internal;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.UserAccount;
import org.switchboard.api.security.UserConflictException;

/** Users and their appliance roles on one snapshot of the realm's user store, changed through its backing engine. */
final class RealmUsers {

    private final BackingEngine users;

    RealmUsers(BackingEngine users) {
        this.users = users;
    }

    List<UserAccount> accounts() {
        return users.listUsers().stream().map(this::account).sorted(Comparator.comparing(UserAccount::name)).toList();
    }

    Optional<UserAccount> account(String name) {
        UserPrincipal user = users.lookupUser(name);
        return user == null ? Optional.empty() : Optional.of(account(user));
    }

    /** Creates or changes a user; null password or roles keep what is there. Answers whether it was created. */
    boolean save(String name, String password, Set<Role> roles) {
        Optional<UserAccount> existing = account(name);
        if (existing.isEmpty() && password == null) {
            throw new IllegalArgumentException("A new user needs a password");
        }
        if (existing.isPresent() && roles != null && !roles.contains(Role.ADMIN)) {
            requireAnotherAdmin(existing.get(), "take the role 'admin' from");
        }
        if (password != null) {
            // Karaf's engine keeps an existing user's groups and roles when it sets the password.
            users.addUser(name, password);
        }
        if (roles != null) {
            assignRoles(name, roles);
        }
        return existing.isEmpty();
    }

    boolean delete(String name) {
        Optional<UserAccount> existing = account(name);
        if (existing.isEmpty()) {
            return false;
        }
        requireAnotherAdmin(existing.get(), "remove");
        users.deleteUser(name);
        ApplianceGroups.ensure(users);
        return true;
    }

    private void assignRoles(String name, Set<Role> roles) {
        ApplianceGroups.ensure(users);
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                users.addGroup(name, ApplianceGroups.group(role));
            }
        }
        UserPrincipal user = users.lookupUser(name);
        Set<String> groups = users.listGroups(user).stream().map(GroupPrincipal::getName)
                .collect(Collectors.toSet());
        Set<Role> others = EnumSet.allOf(Role.class);
        others.removeAll(roles);
        for (Role role : others) {
            if (groups.contains(ApplianceGroups.group(role))) {
                users.deleteGroup(name, ApplianceGroups.group(role));
            }
            // A role given directly rather than through its group goes too: the roles asked for are the whole set.
            users.deleteRole(name, role.realmName());
        }
        ApplianceGroups.ensure(users);
    }

    /** The realm must keep an administrator: refuses to demote or remove the last one. */
    private void requireAnotherAdmin(UserAccount account, String action) {
        if (!account.roles().contains(Role.ADMIN)) {
            return;
        }
        boolean another = accounts().stream()
                .anyMatch(other -> !other.name().equals(account.name()) && other.roles().contains(Role.ADMIN));
        if (!another) {
            throw new UserConflictException("Cannot " + action + " '" + account.name()
                    + "': it is the last user with the role 'admin'");
        }
    }

    private UserAccount account(UserPrincipal user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (RolePrincipal role : users.listRoles(user)) {
            Role.fromRealmName(role.getName()).ifPresent(roles::add);
        }
        return new UserAccount(user.getName(), roles);
    }
}
