package org.switchboard.sip.internal;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.Recording;
import org.switchboard.api.voicemail.Voicemail;

/**
 * The B2BUA: owns each call's life from the outside in. New INVITEs go to {@link IncomingCalls}, the answers of the
 * legs we ring to {@link AgentAnswers}, distribution's events to {@link DistributionEvents}, what flows ask to
 * {@link FlowCalls}; the call is bridged, ended ({@link Teardown}: from any state, all it holds is released) and
 * finished here. Every event of a call runs on that call's lane of the keyed executor, so its state needs no locks.
 */
final class B2bua {

    private static final Logger LOG = LoggerFactory.getLogger(B2bua.class);

    private final Signalling sip;
    private final SipMessages messages;
    private final KeyedExecutor lanes;
    private final CallTable calls;
    private final AcdService acd;
    private final MediaService media;
    private final String holdMusic;
    private final Path recordings;
    private final Consumer<Recording> recorded;
    private final ParkingLot parking;
    private final SessionRefresher sessions;
    private final PhonePickup pickups;
    private final Monitoring monitoring;
    private final AgentLegs legs;
    private final Transfers transfers;
    private final DialogRequests dialogs;
    private final Callbacks callbacks;
    private final Consultations consultations;
    private final StaleCalls stale;
    private final FlowCalls flowCalls;
    private final IncomingCalls incoming;
    private final AgentAnswers answers;
    private final DistributionEvents distributionEvents;

    B2bua(CallContext context, MediaService media, AcdService acd, FlowService flows, Registrations registrations,
            Registrar registrar, CallSettings settings, Consumer<Recording> recorded, Consumer<Voicemail> voicemails,
            AuthenticationHelper authentication, ParkingLot parking, Predicate<String> callerSources,
            OutsideLines outside) {
        this.sip = context.sip();
        this.messages = context.messages();
        this.lanes = context.lanes();
        this.calls = context.calls();
        this.acd = acd;
        this.media = media;
        this.holdMusic = settings.holdMusic();
        this.recordings = settings.recordings();
        this.recorded = recorded;
        this.parking = parking;
        // The parts below keep a reference to this B2BUA; they use it only for events on a call's lane, once built.
        this.sessions = new SessionRefresher(this, context);
        this.pickups = new PhonePickup(this, context, registrar, acd, media);
        this.monitoring = new Monitoring(context, media, registrations);
        this.legs = new AgentLegs(this, context, media, acd, registrations, outside, pickups);
        this.transfers = new Transfers(this, legs, context, acd, flows, outside, parking, registrar, media, monitoring);
        this.dialogs = new DialogRequests(this, context, sessions, monitoring);
        this.callbacks = new Callbacks(this, legs, context, media, acd, outside, authentication);
        this.consultations = new Consultations(this, context, media, acd, registrations, outside, authentication,
                transfers);
        this.stale = new StaleCalls(this, context, acd);
        this.flowCalls = new FlowCalls(this, context, acd, new QueueAnnouncements(this, context.timers(), acd),
                voicemails);
        InviteRouter router = new InviteRouter(settings.pickupPrefix(), parking::at, calls::ringingAt,
                number -> flows.entryPoints().containsKey(number),
                number -> registrations.find(number, System.currentTimeMillis()).map(Registrations.Binding::contact),
                registrar::hasAccount, outside::dialsOut);
        this.incoming = new IncomingCalls(this, context, media, flows, registrar, router, settings, callerSources,
                outside);
        this.answers = new AgentAnswers(this, context, acd, authentication);
        this.distributionEvents = new DistributionEvents(this, calls);
    }

    /** A request about calls (on the SIP thread), for the part that deals with it. */
    void request(RequestEvent event) {
        switch (event.getRequest().getMethod()) {
            case Request.INVITE -> incoming.invite(event);
            case Request.ACK -> dialogs.ack(event);
            case Request.BYE -> dialogs.bye(event);
            case Request.CANCEL -> dialogs.cancel(event);
            case Request.INFO -> dialogs.info(event);
            case Request.REFER -> transfers.refer(event);
            case Request.UPDATE -> sessions.update(event);
            default -> throw new IllegalArgumentException(event.getRequest().getMethod()
                    + " is no request about calls");
        }
    }

    /** Transfers and parking, which call control also asks for. */
    Transfers transfers() {
        return transfers;
    }

    /** Consultations, which call control starts and ends. */
    Consultations consultations() {
        return consultations;
    }

    /** Calls whose parties are gone without saying so, which the audit and the stack's timeouts end. */
    StaleCalls stale() {
        return stale;
    }

    /** Supervisors' legs, which call control sets up. */
    Monitoring monitoring() {
        return monitoring;
    }

    DialogRequests dialogs() {
        return dialogs;
    }

    PhonePickup pickups() {
        return pickups;
    }

    AgentLegs legs() {
        return legs;
    }

    SessionRefresher sessions() {
        return sessions;
    }

    Callbacks callbacks() {
        return callbacks;
    }

    IncomingCalls incoming() {
        return incoming;
    }

    /** What flows and queues do with a caller. */
    FlowCalls flowCalls() {
        return flowCalls;
    }

    /** A response to a request of ours about a call. */
    void response(ResponseEvent event) {
        answers.response(event);
    }

    /** A request of ours got no answer at all. */
    void timeout(ClientTransaction transaction) {
        answers.timeout(transaction);
    }

    /** A response to the caller's INVITE carries the tag an earlier one (180) gave the dialog. */
    static Response inCallerDialog(VoiceCall call, Response response) {
        String tag = call.callerDialog == null ? null : call.callerDialog.getLocalTag();
        if (tag != null) {
            try {
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(tag);
            } catch (ParseException e) {
                throw new IllegalStateException("a tag of our own is always valid", e);
            }
        }
        return response;
    }

    // ---- what flows ask of a call (on its lane) -------------------------------------------------------------

    void onLane(VoiceCall call, Runnable task) {
        lanes.execute(call.lane, () -> {
            if (call.state() != VoiceCall.State.ENDED) {
                task.run();
            }
        });
    }

    void play(VoiceCall call, String prompt, Runnable then) {
        try {
            call.callerMedia.play(prompt, () -> onLane(call, then));
        } catch (RuntimeException e) {
            LOG.warn("Call {}: prompt '{}' cannot be played ({}); the flow goes on", call.id, prompt, e.getMessage());
            then.run();
        }
    }

    void hangUpFromFlow(VoiceCall call) {
        end(call, Teardown.Cause.APPLIANCE);
    }

    /** The folder calls are recorded under. */
    Path recordings() {
        return recordings;
    }

    void playHoldMusic(VoiceCall call) {
        try {
            call.callerMedia.play(holdMusic, true);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: hold music '{}' cannot be played: {}", call.id, holdMusic, e.getMessage());
        }
    }

    /** A party hung up ({@code byCaller}: the caller): the other is let go, and distribution hears of it. */
    void hangUp(VoiceCall call, boolean byCaller) {
        if (call.state() != VoiceCall.State.ENDED) {
            LOG.debug("Call {}: {} hung up in {} after {}", call.id, byCaller ? "the caller" : "the agent leg",
                    call.state(), waited(call));
        }
        end(call, byCaller ? Teardown.Cause.CALLER_HUNG_UP : Teardown.Cause.AGENT_HUNG_UP);
    }

    /** Ends the call for {@code cause}, letting go of what it holds where it stands ({@link Teardown}). */
    void end(VoiceCall call, Teardown.Cause cause) {
        if (call.state() == VoiceCall.State.ENDED) {
            return;
        }
        Set<Teardown.Step> steps = Teardown.steps(call.state(), cause, call.distributed());
        call.history.note(cause + " in " + call.state() + ": " + steps, System.nanoTime());
        for (Teardown.Step step : steps) {
            switch (step) {
                case END_CALLER -> endCaller(call);
                case CANCEL_AGENT -> cancelAgent(call);
                case BYE_AGENT -> sip.sendBye(call.agentDialog);
                case CANCEL_CUSTOMER -> {
                    if (call.customerInvite != null) {
                        calls.cancelOnProvisional(call.callerCallId, call.customerInvite);
                        sip.sendCancel(call.customerInvite);
                    }
                }
                case LEAVE_PARKING -> parking.leave(call.parkedAt, call);
                case ABANDON -> ignoreConflict(() -> acd.abandon(call.id));
                case END_CONVERSATION -> ignoreConflict(() -> acd.end(call.id));
            }
        }
        finish(call);
    }

    /** The caller gets a BYE once answered (after their ACK), or a final answer while their INVITE is pending. */
    private void endCaller(VoiceCall call) {
        if (call.callerInvite != null && call.callerInvite.getState() == javax.sip.TransactionState.PROCEEDING) {
            sip.respond(call.callerInvite, inCallerDialog(call,
                    messages.response(Response.TEMPORARILY_UNAVAILABLE, call.callerInvite.getRequest())));
        } else {
            sip.byeCaller(call);
        }
    }

    // ---- distribution, and the answers of the agent leg -----------------------------------------------------

    /** Distribution's events about calls of ours. */
    void distribution(AcdEvent event) {
        distributionEvents.on(event);
    }

    /** Customer and agent hear each other, recorded; the call is now a conversation. */
    void bridge(VoiceCall call) {
        call.callerMedia.stopPlaying();
        call.bridgedAt = Instant.now();
        call.recording = recordings.resolve(LocalDate.now(ZoneOffset.UTC).toString())
                .resolve(call.id + "-" + call.bridgedAt.toEpochMilli() + ".wav");
        try {
            call.bridge = media.bridge(call.callerMedia, call.agentMedia, call.recording);
        } catch (RuntimeException e) {
            LOG.error("Call {}: recording cannot be written ({}); bridged without it", call.id, e.getMessage());
            call.recording = null;
            call.bridge = media.bridge(call.callerMedia, call.agentMedia, null);
        }
        call.to(VoiceCall.State.TALKING);
    }

    /** Ends every call (the endpoint is stopping): both parties get a BYE. */
    void hangUpAll() {
        for (VoiceCall call : calls.all()) {
            lanes.execute(call.lane, () -> end(call, Teardown.Cause.APPLIANCE));
        }
    }

    // ---- calls we place (callbacks) ------------------------------------------------------------------------

    /** An accepted callback: see {@link Callbacks}. */
    void placeCallback(Interaction callback, String agent, Trunk trunk) {
        callbacks.place(callback, agent, trunk);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    void cancelAgent(VoiceCall call) {
        ClientTransaction invite = call.agentInvite;
        if (invite != null) {
            if (call.agentProvisional) {
                sip.sendCancel(invite);
            } else {
                // CANCEL may only follow a provisional response (RFC 3261 §9.1): sent when one arrives.
                calls.cancelOnProvisional(call.agentCallId, invite);
            }
        }
        forgetAgentLeg(call);
    }

    /** Drops the agent leg; a response still arriving for it finds no call and is ended by {@link #response}. */
    void forgetAgentLeg(VoiceCall call) {
        if (call.agentCallId != null) {
            calls.removeLeg(call.agentCallId);
        }
        call.clearAgent();
    }

    void finish(VoiceCall call) {
        // One line a call at INFO: its steps are at DEBUG, and a call in distribution has them in its history too.
        LOG.info("Call {} from {} to {} ended after {} ms{}", call.id, call.caller, call.dialed,
                Duration.between(call.startedAt, Instant.now()).toMillis(),
                call.agent == null ? "" : ", last with agent " + call.agent);
        call.to(VoiceCall.State.ENDED);
        monitoring.end(call, true);
        consultations.release(call);
        closeBridge(call);
        call.callerMedia.close();
        forgetAgentLeg(call);
        forget(call);
    }

    /** The conversation's bridge ends; what it recorded is listed, under the agent who was in it. */
    void closeBridge(VoiceCall call) {
        if (call.bridge != null) {
            call.bridge.close();
            call.bridge = null;
        }
        if (call.recording != null && call.bridgedAt != null) {
            LOG.debug("Call {} recorded to {}", call.id, call.recording);
            recorded.accept(new Recording(call.id + "-" + call.bridgedAt.toEpochMilli(), call.id, call.agent,
                    call.caller, call.dialed, call.bridgedAt, Instant.now(), call.recording.toString()));
        }
        call.recording = null;
        call.bridgedAt = null;
    }

    private void forget(VoiceCall call) {
        if (call.callerCallId != null) {
            calls.removeLeg(call.callerCallId);
        }
        // Only this call's entry: a callback placed for the same interaction may already have its own.
        calls.removeInteraction(call);
        if (call.state() != VoiceCall.State.ENDED) {
            call.callerMedia.close();
            call.to(VoiceCall.State.ENDED);
        }
    }

    static void ignoreConflict(Runnable command) {
        try {
            command.run();
        } catch (AcdConflictException e) {
            LOG.debug("Distribution had moved on: {}", e.getMessage());
        }
    }

    static String waited(VoiceCall call) {
        return java.time.Duration.between(call.startedAt, Instant.now()).toMillis() + " ms";
    }
}
