package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.switchboard.api.acd.CallbackScheduler;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** Callbacks promised at wrap-up and still waiting for their time: supervisors see all, agents their own. */
@Component(service = CallbacksResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/callbacks")
@Tag(name = "callbacks")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.AGENT)
public class CallbacksResource {

    @Reference
    CallbackScheduler scheduler;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    @GET
    @Operation(summary = "Scheduled callbacks still waiting, earliest first, due from 'from' (inclusive) to 'to'"
            + " (exclusive), both ISO-8601 date-times with offset and optional; agents see only their own")
    public List<ScheduledCallbackView> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context SecurityContext caller) {
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? Instant.now().plus(CallbackPromise.HORIZON).plusSeconds(86_400) : instant("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "'to' must be after 'from'");
        }
        boolean supervisor = isSupervisor(caller);
        String me = caller.getUserPrincipal().getName();
        return scheduler.scheduled(start, end).stream().filter(callback -> supervisor || me.equals(callback.agent()))
                .map(ScheduledCallbackView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One scheduled callback; 404 once it is in its queue or cancelled")
    public ScheduledCallbackView get(@PathParam("id") String id, @Context SecurityContext caller) {
        return ScheduledCallbackView.of(visible(id, caller));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancels a scheduled callback (its agent or a supervisor); 404 once it is in its queue")
    public void cancel(@PathParam("id") String id, @Context SecurityContext caller) {
        ScheduledCallback callback = visible(id, caller);
        if (!scheduler.cancel(id)) {
            throw ProblemException.notFound("Callback '" + id + "' is no longer scheduled");
        }
        Audit.record(audit, caller, "callback.cancel", id, "interaction " + callback.interactionId());
    }

    /** The callback, when the caller may see it: its own agent's, or any for supervisors (others: 404 as well). */
    private ScheduledCallback visible(String id, SecurityContext caller) {
        return scheduler.scheduled(id)
                .filter(callback -> isSupervisor(caller) || caller.getUserPrincipal().getName().equals(callback.agent()))
                .orElseThrow(() -> ProblemException.notFound("No scheduled callback '" + id + "' of yours"));
    }

    private static boolean isSupervisor(SecurityContext caller) {
        return caller.isUserInRole(Role.SUPERVISOR.realmName());
    }

    static Instant instant(String field, String value) {
        try {
            // An unencoded '+' of the offset arrives in a query as a space.
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + field + "' must be a date-time with offset such as"
                    + " 2026-11-24T10:30:00+03:00, was '" + value + "'");
        }
    }
}
