package org.switchboard.rest.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.PublicEndpoint;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Authenticator;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.Session;
import org.switchboard.api.security.SessionRegistry;

/** Sign-in and sign-out for the console and API clients that prefer a token to HTTP Basic. */
@Component(service = AuthResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/auth")
@Tag(name = "auth")
public class AuthResource {

    @Reference
    Authenticator authenticator;

    @Reference
    SessionRegistry sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    @POST
    @Path("session")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with user name and password; answers a bearer token")
    public Response signIn(SignIn credentials) {
        if (credentials == null) {
            throw ProblemException.invalid("body", "Send {\"username\": ..., \"password\": ...}");
        }
        if (credentials.username() == null || credentials.username().isBlank()) {
            throw ProblemException.invalid("username", "The user name is missing");
        }
        if (credentials.password() == null || credentials.password().isEmpty()) {
            throw ProblemException.invalid("password", "The password is missing");
        }
        String user = credentials.username().trim();
        var authenticated = authenticator.authenticate(user, credentials.password().toCharArray());
        if (authenticated.isEmpty()) {
            record(user, "auth.sign-in-refused");
            throw new ProblemException(401, "Unauthorized", "Wrong user name or password", null);
        }
        Session session = sessions.open(authenticated.get());
        record(user, "auth.sign-in");
        return Response.status(Response.Status.CREATED).entity(SessionView.of(session)).build();
    }

    @DELETE
    @Path("session")
    @Operation(summary = "Sign out: the session's token stops working")
    public Response signOut(@Context HttpHeaders headers, @Context SecurityContext security) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            sessions.close(authorization.substring(7).trim());
            record(security.getUserPrincipal().getName(), "auth.sign-out");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user and the roles they hold")
    public UserView me(@Context SecurityContext security) {
        List<String> roles = java.util.Arrays.stream(Role.values())
                .filter(role -> security.isUserInRole(role.realmName()))
                .map(Role::realmName).toList();
        return new UserView(security.getUserPrincipal().getName(), roles);
    }

    /** A user and the roles they hold, including those their highest role implies. */
    public record UserView(String user, List<String> roles) {
    }

    private void record(String user, String action) {
        AuditLog log = audit;
        if (log != null) {
            log.record(user, action, "api", null);
        }
    }
}
