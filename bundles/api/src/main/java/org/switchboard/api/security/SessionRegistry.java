package org.switchboard.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Issues, resolves and revokes session tokens for the console and API clients. */
@ProviderType
public interface SessionRegistry {

    Session open(AuthenticatedUser user);

    /** The live session of the token, renewing its idle expiry; empty if unknown or expired. */
    Optional<Session> resolve(String token);

    void close(String token);

    /** Ends every session of a user, e.g. once the user is removed or their roles or password change. */
    void closeAll(String user);
}
