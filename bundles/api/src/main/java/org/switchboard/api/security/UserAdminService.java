package org.switchboard.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Users of the appliance's realm and the roles they are given. The realm must keep at least one administrator:
 * a change that would leave it without one throws {@link UserConflictException}.
 */
@ProviderType
public interface UserAdminService {

    /** Every user, by name. */
    List<UserAccount> users();

    Optional<UserAccount> user(String name);

    /**
     * Creates the user, or changes an existing one: {@code password} null keeps the current one (a new user needs
     * one), {@code roles} null keeps the current ones, otherwise they replace them. Answers whether it was created.
     */
    boolean save(String name, String password, Set<Role> roles);

    /** Removes a user; false when there is none of that name. */
    boolean delete(String name);
}
