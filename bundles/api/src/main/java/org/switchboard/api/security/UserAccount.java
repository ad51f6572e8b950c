package org.switchboard.api.security;

import java.util.Objects;
import java.util.Set;

/** A user of the appliance's realm with the appliance roles it is given (never its password). */
public record UserAccount(String name, Set<Role> roles) {

    public UserAccount {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }
}
