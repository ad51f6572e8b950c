package org.switchboard.acd.rest;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** Signed-in callers for resource tests. */
final class Callers {

    private Callers() {
    }

    static SecurityContext named(String name) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return true;
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
