package org.switchboard.acd.rest;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** Signed-in callers for resource tests. */
final class Callers {

    private Callers() {
    }

    static SecurityContext named(String name) {
        return withRole(name, true);
    }

    /** A caller with the role agent only. */
    static SecurityContext agent(String name) {
        return withRole(name, false);
    }

    private static SecurityContext withRole(String name, boolean supervisor) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return supervisor || "agent".equals(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        };
    }
}
