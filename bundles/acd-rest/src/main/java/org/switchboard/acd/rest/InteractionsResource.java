package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.CallbackScheduler;
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.acd.HistoryEntry;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionHistory;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.acd.WaitEstimate;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** Interactions: pushed in by channels and integrations, then accepted, ended and completed by agents. */
@Component(service = InteractionsResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/interactions")
@Tag(name = "interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionsResource {

    @Reference
    AcdService acd;

    @Reference
    InteractionHistory history;

    @Reference
    AcdConfigStore config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CallbackScheduler scheduler;

    Clock clock = Clock.systemUTC();

    /** Where a supervisor moves a waiting contact: another queue and/or priority (absent: unchanged). */
    public record Move(String queue, Integer priority) {
    }

    /** Who an agent command is for. */
    public record AgentCommand(String agent) {
    }

    /** The number to call a waiting caller back at (absent: the number they called from). */
    public record CallbackRequest(String number) {
    }

    /** A waiting contact's place: position 1 is next; seconds are null while unknown. */
    public record Estimate(String id, String queue, int position, int staffedAgents, Long averageHandleSeconds,
            Long expectedWaitSeconds) {
    }

    /** How an agent closes an interaction after wrap-up, with a callback to schedule if the customer asked for one. */
    public record Completion(String disposition, String note, CallbackPromise.Body callback) {
    }

    /** The callback scheduled at completion. */
    public record Completed(ScheduledCallbackView callback) {
    }

    @POST
    @Operation(summary = "Puts a contact in a queue (or its after-hours queue); 404 when the queue does not exist,"
            + " 503 when it is full or closed")
    public Response submit(InteractionBody body) {
        Interaction interaction = Check.present("body", body).toInteraction(clock.instant());
        SkillNames.requireKnown(config, "skills.skill",
                interaction.requirements().stream().map(SkillRequirement::skill).toList());
        QueueDefinition queue = acd.queue(interaction.queue()).orElseThrow(() ->
                new ProblemException(404, "Not found", "No queue named '" + interaction.queue() + "'", "queue"))
                .definition();
        String target = queue.isOpen(clock.instant()) || queue.afterHours() == null ? queue.name() : queue.afterHours();
        boolean queued;
        try {
            queued = acd.submit(interaction);
        } catch (IllegalArgumentException duplicate) {
            throw new ProblemException(409, "Conflict", duplicate.getMessage(), "id");
        }
        if (!queued) {
            throw refusal(queue, target);
        }
        return Response.status(Response.Status.CREATED).entity(Map.of("id", interaction.id(), "queue", target)).build();
    }

    /** Why a queue refused a contact: closed (naming its hours), or full. */
    private ProblemException refusal(QueueDefinition queue, String target) {
        boolean open = acd.queue(target).map(view -> view.definition().isOpen(clock.instant())).orElse(false);
        if (!open) {
            return new ProblemException(503, "Queue closed", "Queue '" + queue.name() + "' is closed; its hours are '"
                    + queue.hours().spec() + "' (" + queue.hours().zone() + ")", "queue");
        }
        return new ProblemException(503, "Queue full", "Queue '" + target + "' is full", "queue");
    }

    @POST
    @Path("{id}/callback")
    @Operation(summary = "A waiting caller leaves the line and keeps their place: the call becomes a callback to"
            + " the number given (or the one they called from); 409 when it is not a waiting call")
    public Response callback(@PathParam("id") String id, CallbackRequest request) {
        String number = request == null || request.number() == null ? null : Check.phone("number", request.number());
        Conflicts.run(() -> acd.requestCallback(id, number));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/estimate")
    @Operation(summary = "Position in queue and expected wait of a waiting contact, for announcements: expected wait ="
            + " position × recent average handle time ÷ agents signed in who serve it (ready or busy)")
    public Estimate estimate(@PathParam("id") String id) {
        WaitEstimate estimate = acd.estimate(id)
                .orElseThrow(() -> ProblemException.notFound("'" + id + "' is not waiting in a queue"));
        return new Estimate(id, estimate.queue(), estimate.position(), estimate.staffed(),
                estimate.averageHandleTime() == null ? null : estimate.averageHandleTime().toSeconds(),
                estimate.expectedWait() == null ? null : estimate.expectedWait().toSeconds());
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "The agent accepts the offer: the conversation begins")
    public Response accept(@PathParam("id") String id, AgentCommand command, @Context SecurityContext caller) {
        String agent = agentOf(command, caller);
        Conflicts.run(() -> acd.accept(id, agent));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "The agent declines the offer: the contact goes back to its place, the agent to not ready")
    public Response decline(@PathParam("id") String id, AgentCommand command, @Context SecurityContext caller) {
        String agent = agentOf(command, caller);
        Conflicts.run(() -> acd.decline(id, agent));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "The conversation ended: the agent wraps up")
    public Response end(@PathParam("id") String id) {
        Conflicts.run(() -> acd.end(id));
        return Response.noContent().build();
    }

    /** More wrap-up time, in seconds. */
    public record Extension(Integer seconds) {
    }

    @POST
    @Path("{id}/extend-wrap-up")
    @Operation(summary = "Gives the agent more wrap-up time (1 to 3,600 s); 409 when the interaction is not in wrap-up")
    public Response extendWrapUp(@PathParam("id") String id, Extension extension) {
        int seconds = Check.range("seconds", Check.present("seconds", Check.present("body", extension).seconds()),
                1, 3_600, 0);
        Conflicts.run(() -> acd.extendWrapUp(id, Duration.ofSeconds(seconds)));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Wrap-up done, with a disposition code and a note (204); with \"callback\":{\"at\":…,"
            + "\"number\":…} a callback to the customer (or the number) enters the same queue at that time, offered"
            + " first to this agent, answered with 200 and the scheduled callback")
    public Response complete(@PathParam("id") String id, Completion completion, @Context SecurityContext caller) {
        Completion given = completion == null ? new Completion(null, null, null) : completion;
        if (given.disposition() != null) {
            CodesResource.requireListed(config, CodeKind.DISPOSITION, "disposition", given.disposition());
        }
        CallbackScheduler callbacks = scheduler;
        ScheduledCallback callback = given.callback() == null ? null : promise(id, given.callback(), callbacks);
        Conflicts.run(() -> acd.complete(id, given.disposition(), given.note()));
        if (callback == null) {
            return Response.noContent().build();
        }
        callbacks.schedule(callback);
        Audit.record(audit, caller, "callback.schedule", callback.id(), "interaction " + id + ", at " + callback.at()
                + ", agent " + callback.agent());
        return Response.ok(new Completed(ScheduledCallbackView.of(callback))).build();
    }

    /** The callback asked for, checked before the interaction is completed so that a bad one changes nothing. */
    private ScheduledCallback promise(String id, CallbackPromise.Body body, CallbackScheduler callbacks) {
        Instant now = clock.instant();
        CallbackPromise.at(body, now);
        if (callbacks == null) {
            throw new ProblemException(503, "Unavailable", "Scheduled callbacks need the database; none is there",
                    "callback");
        }
        InteractionView view = acd.interaction(id).orElseThrow(() -> new ProblemException(409, "Conflict",
                "Interaction '" + id + "' is not in conversation or wrap-up", null));
        return CallbackPromise.of(body, view, now);
    }

    @POST
    @Path("{id}/abandon")
    @Operation(summary = "The customer left before an agent took the contact")
    public Response abandon(@PathParam("id") String id) {
        Conflicts.run(() -> acd.abandon(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/move")
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Supervisor: moves a waiting contact to another queue or priority; it keeps its entry time")
    public Response move(@PathParam("id") String id, Move move, @Context SecurityContext caller) {
        Check.present("body", move);
        String current = acd.queues().stream().filter(view -> view.waiting().contains(id))
                .map(view -> view.definition().name()).findFirst()
                .orElseThrow(() -> new ProblemException(409, "Conflict", "'" + id + "' is not waiting in a queue", null));
        String queue = move.queue() == null ? current : Check.name("queue", move.queue());
        if (acd.queue(queue).isEmpty()) {
            throw new ProblemException(404, "Not found", "No queue named '" + queue + "'", "queue");
        }
        int priority = Check.range("priority", move.priority(), 0, 10, 0);
        Conflicts.run(() -> acd.move(id, queue, priority));
        Audit.record(audit, caller, "interaction.move", id, "to queue " + queue + ", priority " + priority);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/drop")
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Supervisor: removes a waiting contact from distribution")
    public Response drop(@PathParam("id") String id, @Context SecurityContext caller) {
        Conflicts.run(() -> acd.drop(id));
        Audit.record(audit, caller, "interaction.drop", id, null);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/pull")
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Supervisor: offers a waiting contact to the chosen agent now")
    public Response pull(@PathParam("id") String id, AgentCommand command, @Context SecurityContext caller) {
        String agent = Check.name("agent", Check.present("body", command).agent());
        Conflicts.run(() -> acd.pull(id, agent));
        Audit.record(audit, caller, "interaction.pull", id, "to agent " + agent);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An interaction in distribution now: its state (WAITING, OFFERED, TALKING, WRAP_UP), agents,"
            + " direction and data; 404 once it has left (its history stays)")
    public InteractionResponse get(@PathParam("id") String id) {
        return acd.interaction(id).map(InteractionResponse::of).orElseThrow(() -> ProblemException.notFound(
                "'" + id + "' is not in distribution; see /api/v1/interactions/" + id + "/history"));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every recorded step of the interaction, oldest first")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        List<HistoryEntry> steps = history.interaction(id);
        if (steps.isEmpty()) {
            throw ProblemException.notFound("No interaction '" + id + "' has been recorded");
        }
        return steps;
    }

    private static String agentOf(AgentCommand command, SecurityContext caller) {
        String agent = command == null || command.agent() == null ? caller.getUserPrincipal().getName() : command.agent();
        AgentsResource.mayActFor(agent, caller);
        return agent;
    }
}
