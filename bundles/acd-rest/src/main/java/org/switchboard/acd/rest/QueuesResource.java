package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueFigures;
import org.switchboard.api.acd.QueueView;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** Queues: their rules (kept in the database) and the contacts waiting in them. */
@Component(service = QueuesResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/queues")
@Tag(name = "queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @Reference
    AcdService acd;

    @Reference
    AcdConfigStore config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    /** A queue as the API shows it: its rules and the ids of the contacts waiting, first in line first. */
    public record QueueResponse(String name, QueueBody rules, List<String> waiting) {

        static QueueResponse of(QueueView view) {
            return new QueueResponse(view.definition().name(), QueueBody.of(view.definition()), view.waiting());
        }
    }

    @GET
    @Operation(summary = "Every queue with its rules and waiting contacts")
    public List<QueueResponse> list() {
        return acd.queues().stream().map(QueueResponse::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One queue")
    public QueueResponse get(@PathParam("name") String name) {
        return acd.queue(name).map(QueueResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No queue named '" + name + "'"));
    }

    @GET
    @Path("{name}/figures")
    @Operation(summary = "The queue's live figures of the day: waiting, longest wait, service level, ASA, abandons, AHT")
    public QueueFigures figures(@PathParam("name") String name) {
        return acd.figures(name).orElseThrow(() -> ProblemException.notFound("No queue named '" + name + "'"));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Creates or changes a queue; contacts already waiting keep their places")
    public QueueResponse put(@PathParam("name") String name, QueueBody body, @Context SecurityContext caller) {
        QueueDefinition definition = Check.present("body", body).toDefinition(Check.name("name", name));
        if (definition.maxWait() != null && definition.maxWait().target() != null) {
            requireOtherQueue("maxWait.target", name, definition.maxWait().target());
        }
        if (definition.afterHours() != null) {
            requireOtherQueue("afterHoursQueue", name, definition.afterHours());
        }
        config.saveQueue(definition);
        acd.defineQueue(definition);
        Audit.record(audit, caller, "queue.define", name, definition.toString());
        return get(name);
    }

    /** A queue that contacts are sent on to must exist and be another one. */
    private void requireOtherQueue(String field, String name, String target) {
        if (target.equals(name) || acd.queue(target).isEmpty()) {
            throw ProblemException.invalid(field, target.equals(name) ? "A queue cannot send contacts on to itself"
                    : "No queue named '" + target + "'");
        }
    }

    @DELETE
    @Path("{name}")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Removes a queue; refused (409) while contacts wait in it, agents hold its contacts, or"
            + " other queues send contacts on to it")
    public void delete(@PathParam("name") String name, @Context SecurityContext caller) {
        boolean stored = config.queues().stream().anyMatch(queue -> queue.name().equals(name));
        if (!stored && acd.queue(name).isEmpty()) {
            throw ProblemException.notFound("No queue named '" + name + "'");
        }
        List<String> senders = acd.queues().stream().map(QueueView::definition)
                .filter(other -> name.equals(other.afterHours())
                        || (other.maxWait() != null && name.equals(other.maxWait().target())))
                .map(QueueDefinition::name).toList();
        if (!senders.isEmpty()) {
            throw new ProblemException(409, "Conflict", "Queue '" + name + "' is where " + senders
                    + " send contacts on to (maximum wait or after hours)", null);
        }
        // Distribution decides whether the queue is empty; the stored rules go only once it has let the queue go,
        // so a refused delete leaves the queue as it was.
        Conflicts.run(() -> acd.removeQueue(name));
        config.deleteQueue(name);
        Audit.record(audit, caller, "queue.delete", name, null);
    }
}
