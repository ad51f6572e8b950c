package org.switchboard.rest.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
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
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.SessionRegistry;
import org.switchboard.api.security.UserAccount;
import org.switchboard.api.security.UserAdminService;
import org.switchboard.api.security.UserConflictException;

/** Users of the appliance and their roles, for administrators; every change is audited, never a password. */
@Component(service = UsersResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/users")
@Tag(name = "users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public class UsersResource {

    @Reference
    UserAdminService users;

    @Reference
    SessionRegistry sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    /** A user with the roles given to them (agent, supervisor, admin). */
    public record UserView(String name, List<String> roles) {

        static UserView of(UserAccount account) {
            return new UserView(account.name(), java.util.Arrays.stream(Role.values())
                    .filter(account.roles()::contains).map(Role::realmName).toList());
        }
    }

    /** A new password (required for a new user) and the whole set of roles (kept when absent on a change). */
    public record UserBody(String password, List<String> roles) {
    }

    @GET
    @Operation(summary = "Every user with their roles")
    public List<UserView> list() {
        return users.users().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One user with their roles")
    public UserView get(@PathParam("name") String name) {
        return users.user(name).map(UserView::of).orElseThrow(() -> ProblemException.notFound("No user '" + name + "'"));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a user (password and roles required; 201) or changes one's password or roles (200);"
            + " passwords have 8 to 128 characters; 409 when it would leave no administrator")
    public Response put(@PathParam("name") String name, UserBody body, @Context SecurityContext caller) {
        Saved saved = save(name, body, caller);
        return saved.created() ? Response.status(Response.Status.CREATED).entity(saved.user()).build()
                : Response.ok(saved.user()).build();
    }

    /** A user as saved, and whether it was new. */
    record Saved(UserView user, boolean created) {
    }

    Saved save(String name, UserBody body, SecurityContext caller) {
        UserInput.name(name);
        UserBody given = body == null ? new UserBody(null, null) : body;
        boolean exists = users.user(name).isPresent();
        if (!exists && given.password() == null) {
            throw ProblemException.invalid("password", "A new user needs a password");
        }
        String password = given.password() == null ? null : UserInput.password(given.password());
        Set<Role> roles = given.roles() == null && exists ? null : UserInput.roles(given.roles());
        boolean created;
        try {
            created = users.save(name, password, roles);
        } catch (UserConflictException conflict) {
            throw new ProblemException(409, "Conflict", conflict.getMessage(), "roles");
        }
        if (!created) {
            // An open session carries the roles it was opened with: it must not outlive a change of them.
            sessions.closeAll(name);
        }
        record(caller, created ? "user.create" : "user.change", name, describe(roles, !created && password != null));
        return new Saved(get(name), created);
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Removes a user and ends their sessions; 409 for yourself or the last administrator")
    public void delete(@PathParam("name") String name, @Context SecurityContext caller) {
        if (caller.getUserPrincipal().getName().equals(name)) {
            throw new ProblemException(409, "Conflict", "You cannot remove yourself", null);
        }
        boolean deleted;
        try {
            deleted = users.delete(name);
        } catch (UserConflictException conflict) {
            throw new ProblemException(409, "Conflict", conflict.getMessage(), null);
        }
        if (!deleted) {
            throw ProblemException.notFound("No user '" + name + "'");
        }
        sessions.closeAll(name);
        record(caller, "user.delete", name, null);
    }

    private static String describe(Set<Role> roles, boolean newPassword) {
        List<String> parts = new ArrayList<>();
        if (roles != null) {
            parts.add("roles " + String.join(", ", UserView.of(new UserAccount("-", roles)).roles()));
        }
        if (newPassword) {
            parts.add("password changed");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private void record(SecurityContext caller, String action, String target, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.record(caller.getUserPrincipal().getName(), action, target, detail);
        }
    }
}
