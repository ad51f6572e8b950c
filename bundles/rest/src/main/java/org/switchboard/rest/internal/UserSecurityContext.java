package org.switchboard.rest.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;
import org.switchboard.api.security.AuthenticatedUser;
import org.switchboard.api.security.Role;

/** The signed-in user as JAX-RS resources see it through {@code @Context SecurityContext}. */
record UserSecurityContext(AuthenticatedUser user, boolean secure, String scheme) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return user::name;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.fromRealmName(role).map(user::has).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
