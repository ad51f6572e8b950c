package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.media.MonitorMode;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;
import org.switchboard.api.voice.CallControl;
import org.switchboard.api.voice.CallControlException;
import org.switchboard.api.voice.CallView;
import org.switchboard.api.voice.Consultation;
import org.switchboard.api.voice.TransferTarget;

/**
 * Live calls at {@code /v1/calls}: hold, retrieve, transfer and hang up (the agent on the call, or a
 * supervisor), listen / whisper / barge in (supervisors). Answers 503 while no voice channel is installed.
 */
@Component(service = CallsResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/calls")
@Tag(name = "calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CallControl control;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    /** Where to transfer: exactly one of an agent's login, a queue, an entry point, an external number. */
    public record Transfer(String agent, String queue, String entryPoint, String number) {
    }

    /** A supervisor's phone and how they join. */
    public record Monitor(String extension, MonitorMode mode) {
    }

    @GET
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Live calls, oldest first: state (FLOW, QUEUED, RINGING, TALKING), queue, agent, hold, monitoring")
    public List<CallView> list() {
        return voice().calls();
    }

    @POST
    @Path("{id}/hold")
    @Operation(summary = "Puts the call on hold: the customer hears music")
    public void hold(@PathParam("id") String id, @Context SecurityContext caller) {
        run(id, caller, "call.hold", null, () -> voice().hold(id));
    }

    @POST
    @Path("{id}/retrieve")
    @Operation(summary = "Takes the call off hold")
    public void retrieve(@PathParam("id") String id, @Context SecurityContext caller) {
        run(id, caller, "call.retrieve", null, () -> voice().retrieve(id));
    }

    @POST
    @Path("{id}/hangup")
    @Operation(summary = "Ends the call for both parties")
    public void hangUp(@PathParam("id") String id, @Context SecurityContext caller) {
        run(id, caller, "call.hangup", null, () -> voice().hangUp(id));
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Blind transfer to {\"agent\":LOGIN}, {\"queue\":NAME}, {\"entryPoint\":NUMBER} or"
            + " {\"number\":EXTERNAL} (through the trunk); the agent goes to wrap-up, the customer gets a new"
            + " interaction id (none for an external number: the call leaves distribution)")
    public void transfer(@PathParam("id") String id, Transfer body, @Context SecurityContext caller) {
        TransferTarget target = target(body);
        run(id, caller, "call.transfer", target.kind() + " " + target.value(), () -> voice().transfer(id, target));
    }

    /** Whom an agent consults while the customer holds: exactly one of an agent's login or a number. */
    public record Consult(String agent, String number) {
    }

    @POST
    @Path("{id}/consult")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consulted transfer, first step: the customer holds while the agent's phone is put through to"
            + " {\"agent\":LOGIN} (their phone rings) or {\"number\":EXTERNAL}; then POST …/consult/complete, or"
            + " DELETE …/consult to go back to the customer")
    public void consult(@PathParam("id") String id, Consult body, @Context SecurityContext caller) {
        if (body == null || (body.agent() == null) == (body.number() == null)) {
            throw ProblemException.invalid("agent", "name exactly one of 'agent' or 'number'");
        }
        TransferTarget target = body.agent() != null
                ? new TransferTarget(TransferTarget.Kind.AGENT, Check.name("agent", body.agent()))
                : new TransferTarget(TransferTarget.Kind.EXTERNAL, Check.phone("number", body.number()));
        run(id, caller, "call.consult", target.kind() + " " + target.value(), () -> voice().consult(id, target));
    }

    @GET
    @Path("{id}/consult")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The consultation going on in the call: whom, and RINGING or TALKING (404 when none)")
    public Consultation consultation(@PathParam("id") String id, @Context SecurityContext caller) {
        Consultation[] found = new Consultation[1];
        run(id, caller, null, null, () -> found[0] = voice().consultation(id).orElse(null));
        if (found[0] == null) {
            throw ProblemException.notFound("Call '" + id + "' has no consultation");
        }
        return found[0];
    }

    @POST
    @Path("{id}/consult/complete")
    @Operation(summary = "Completes the consulted transfer: the customer and the consulted party talk; the agent"
            + " leaves and wraps up (a consulted agent takes the call in distribution)")
    public void completeTransfer(@PathParam("id") String id, @Context SecurityContext caller) {
        run(id, caller, "call.transfer.complete", null, () -> voice().completeTransfer(id));
    }

    @DELETE
    @Path("{id}/consult")
    @Operation(summary = "Ends the consultation: the consulted party is let go, the agent is back with the customer")
    public void cancelConsultation(@PathParam("id") String id, @Context SecurityContext caller) {
        run(id, caller, "call.consult.end", null, () -> voice().cancelConsultation(id));
    }

    /** Who picks a ringing call up (absent: the agent signed in as the caller of the API). */
    public record Pickup(String agent) {
    }

    @POST
    @Path("{id}/pickup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Picks up a call ringing at another agent: it rings at {\"agent\":…} (default: yourself)"
            + " instead; the first agent stays ready. Agents pick up for themselves, supervisors for anyone")
    public void pickup(@PathParam("id") String id, Pickup body, @Context SecurityContext caller) {
        String self = caller.getUserPrincipal().getName();
        String agent = body == null || body.agent() == null ? self : Check.name("agent", body.agent());
        if (!agent.equals(self) && !caller.isUserInRole(Role.SUPERVISOR.realmName())) {
            throw new ProblemException(403, "Forbidden", "Agents pick up calls for themselves only", "agent");
        }
        try {
            voice().pickup(id, agent);
        } catch (CallControlException e) {
            throw e.notFound() ? ProblemException.notFound(e.getMessage())
                    : new ProblemException(409, "Conflict", e.getMessage(), null);
        }
        Audit.record(audit, caller, "call.pickup", id, agent);
    }

    /** A phone to bring into the call. */
    public record Conference(String extension) {
    }

    @POST
    @Path("{id}/conference")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rings the phone at {\"extension\":…} and, once it answers, makes the call three-way")
    public void conference(@PathParam("id") String id, Conference body, @Context SecurityContext caller) {
        if (body == null || body.extension() == null || body.extension().isBlank()) {
            throw ProblemException.invalid("extension", "'extension' must name the phone to bring in");
        }
        run(id, caller, "call.conference", body.extension(),
                () -> voice().monitor(id, body.extension(), MonitorMode.BARGE));
    }

    /** Where a parked call waits. */
    public record Parked(String slot) {
    }

    @POST
    @Path("{id}/park")
    @Operation(summary = "Parks the call: the agent goes to wrap-up, the customer hears music, and any phone dialing"
            + " the slot returned takes the call")
    public Parked park(@PathParam("id") String id, @Context SecurityContext caller) {
        String[] slot = new String[1];
        run(id, caller, "call.park", null, () -> slot[0] = voice().park(id));
        return new Parked(slot[0]);
    }

    @POST
    @Path("{id}/monitor")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Rings the supervisor's phone ({\"extension\":…}) and joins it to the conversation"
            + " (\"mode\": LISTEN, WHISPER to the agent only, or BARGE in); again with another mode changes it")
    public void monitor(@PathParam("id") String id, Monitor body, @Context SecurityContext caller) {
        if (body == null || body.extension() == null || body.extension().isBlank()) {
            throw ProblemException.invalid("extension", "'extension' must name the supervisor's phone");
        }
        MonitorMode mode = Check.present("mode", body.mode());
        run(id, caller, "call.monitor", mode + " at " + body.extension(), () -> voice().monitor(id, body.extension(), mode));
    }

    private static TransferTarget target(Transfer body) {
        if (body == null) {
            throw ProblemException.invalid("agent", "name one of 'agent', 'queue', 'entryPoint' or 'number'");
        }
        int given = (body.agent() != null ? 1 : 0) + (body.queue() != null ? 1 : 0) + (body.entryPoint() != null ? 1 : 0)
                + (body.number() != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalid("agent", "name exactly one of 'agent', 'queue', 'entryPoint' or 'number'");
        }
        if (body.agent() != null) {
            return new TransferTarget(TransferTarget.Kind.AGENT, Check.name("agent", body.agent()));
        }
        if (body.queue() != null) {
            return new TransferTarget(TransferTarget.Kind.QUEUE, Check.name("queue", body.queue()));
        }
        if (body.number() != null) {
            return new TransferTarget(TransferTarget.Kind.EXTERNAL, Check.phone("number", body.number()));
        }
        return new TransferTarget(TransferTarget.Kind.ENTRY_POINT, Check.name("entryPoint", body.entryPoint()));
    }

    /** Agents may act on their own calls only; supervisors on any. A null {@code action} is a read, not audited. */
    private void run(String id, SecurityContext caller, String action, String detail, Runnable command) {
        CallControl voice = voice();
        if (!caller.isUserInRole(Role.SUPERVISOR.realmName())) {
            String login = caller.getUserPrincipal().getName();
            boolean own = voice.calls().stream().anyMatch(call -> call.interactionId().equals(id)
                    && login.equals(call.agent()));
            if (!own) {
                throw new ProblemException(403, "Forbidden", "Only the agent on call '" + id + "' or a supervisor may do this",
                        null);
            }
        }
        try {
            command.run();
        } catch (CallControlException e) {
            if (e.notFound()) {
                throw ProblemException.notFound(e.getMessage());
            }
            throw new ProblemException(409, "Conflict", e.getMessage(), null);
        }
        if (action != null) {
            Audit.record(audit, caller, action, id, detail);
        }
    }

    private CallControl voice() {
        CallControl current = control;
        if (current == null) {
            throw new ProblemException(503, "Service Unavailable", "No voice channel is installed (feature switchboard-voice)",
                    null);
        }
        return current;
    }
}
