package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import java.util.List;
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
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.acd.HistoryEntry;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionHistory;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** Interactions: pushed in by channels and integrations, then accepted, ended and completed by agents. */
@Component(service = InteractionsResource.class)
@SwitchboardResource
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

    Clock clock = Clock.systemUTC();

    /** Where a supervisor moves a waiting contact: another queue and/or priority (absent: unchanged). */
    public record Move(String queue, Integer priority) {
    }

    /** Who an agent command is for. */
    public record AgentCommand(String agent) {
    }

    /** How an agent closes an interaction after wrap-up. */
    public record Completion(String disposition, String note) {
    }

    @POST
    @Operation(summary = "Puts a contact in a queue; 404 when the queue does not exist, 503 when it is full")
    public Response submit(InteractionBody body) {
        Interaction interaction = Check.present("body", body).toInteraction(clock.instant());
        if (acd.queue(interaction.queue()).isEmpty()) {
            throw new ProblemException(404, "Not found", "No queue named '" + interaction.queue() + "'", "queue");
        }
        boolean queued;
        try {
            queued = acd.submit(interaction);
        } catch (IllegalArgumentException duplicate) {
            throw new ProblemException(409, "Conflict", duplicate.getMessage(), "id");
        }
        if (!queued) {
            throw new ProblemException(503, "Queue full", "Queue '" + interaction.queue() + "' is full", "queue");
        }
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("id", interaction.id(), "queue", interaction.queue())).build();
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

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Wrap-up done, with a disposition code and a note")
    public Response complete(@PathParam("id") String id, Completion completion) {
        Completion given = completion == null ? new Completion(null, null) : completion;
        if (given.disposition() != null) {
            CodesResource.requireListed(config, CodeKind.DISPOSITION, "disposition", given.disposition());
        }
        Conflicts.run(() -> acd.complete(id, given.disposition(), given.note()));
        return Response.noContent().build();
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
