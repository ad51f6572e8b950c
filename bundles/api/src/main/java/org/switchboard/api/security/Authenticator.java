package org.switchboard.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Checks a user name and password against the appliance's realm. */
@ProviderType
public interface Authenticator {

    /** The user, or empty when the credentials are wrong. */
    Optional<AuthenticatedUser> authenticate(String user, char[] password);
}
