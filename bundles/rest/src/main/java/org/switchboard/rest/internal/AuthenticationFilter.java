package org.switchboard.rest.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.PublicEndpoint;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardExtension;
import org.switchboard.api.security.AuthenticatedUser;
import org.switchboard.api.security.Authenticator;
import org.switchboard.api.security.SessionRegistry;

/**
 * Lets through only requests with valid credentials (HTTP Basic against the realm, or a session token),
 * except to methods marked {@link PublicEndpoint}; enforces {@link RequiresRole}.
 */
@Component(service = ContainerRequestFilter.class)
@SwitchboardExtension
@AfterRestWhiteboard
@JaxrsName(AuthenticationFilter.NAME)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String NAME = "switchboard.auth";
    static final String REALM = "Switchboard";

    @Reference
    Authenticator authenticator;

    @Reference
    SessionRegistry sessions;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        Optional<Credentials> credentials = Credentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<AuthenticatedUser> user = credentials.flatMap(this::authenticate);
        if (user.isEmpty()) {
            String challenge = credentials.orElse(null) instanceof Credentials.Bearer
                    ? "Bearer realm=\"" + REALM + "\"" : "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
            String detail = credentials.isEmpty() ? "Sign in: send HTTP Basic credentials or a session token"
                    : "The credentials or session token are not valid";
            request.abortWith(Response.fromResponse(Problem.of(401, "Unauthorized", detail, null).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build());
            return;
        }
        RequiresRole required = requiredRole(method);
        if (required != null && !user.get().has(required.value())) {
            request.abortWith(Problem.of(403, "Forbidden",
                    "This needs the role '" + required.value().realmName() + "'", null).toResponse());
            return;
        }
        String scheme = credentials.get() instanceof Credentials.Bearer ? "Bearer" : SecurityContext.BASIC_AUTH;
        request.setSecurityContext(new UserSecurityContext(user.get(), request.getSecurityContext().isSecure(), scheme));
    }

    private Optional<AuthenticatedUser> authenticate(Credentials credentials) {
        if (credentials instanceof Credentials.Basic basic) {
            return authenticator.authenticate(basic.user(), basic.password());
        }
        return sessions.resolve(((Credentials.Bearer) credentials).token()).map(session -> session.user());
    }

    private static RequiresRole requiredRole(Method method) {
        if (method == null) {
            return null;
        }
        RequiresRole onMethod = method.getAnnotation(RequiresRole.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(RequiresRole.class);
    }
}
