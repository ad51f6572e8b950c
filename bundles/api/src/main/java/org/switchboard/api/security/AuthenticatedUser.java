package org.switchboard.api.security;

import java.util.Set;

/** A user whose credentials were checked, with the appliance roles the realm grants. */
public record AuthenticatedUser(String name, Set<Role> roles) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role required) {
        return roles.stream().anyMatch(role -> role.includes(required));
    }
}
