package org.switchboard.sip.internal;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.B2bua.ignoreConflict;
import static org.switchboard.sip.internal.Signalling.callId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;

/**
 * A call's agent leg: the phone of the agent distribution offers it to, an extension called directly, or a number
 * dialed through the trunk, rung at most so long; and what follows when it cannot be reached.
 */
final class AgentLegs {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLegs.class);
    /** How long a phone called directly, or an external number, rings before the attempt is given up. */
    private static final Duration RING = Duration.ofSeconds(30);

    private final B2bua b2bua;
    private final CallTable calls;
    private final SipProvider provider;
    private final SipMessages messages;
    private final Signalling sip;
    private final ScheduledExecutorService timers;
    private final MediaService media;
    private final AcdService acd;
    private final Registrations registrations;
    private final OutsideLines outside;
    private final PhonePickup pickups;
    private final PhoneLines phones;

    AgentLegs(B2bua b2bua, CallContext context, MediaService media, AcdService acd, Registrations registrations,
            OutsideLines outside, PhonePickup pickups) {
        this.b2bua = b2bua;
        this.calls = context.calls();
        this.provider = context.provider();
        this.messages = context.messages();
        this.sip = context.sip();
        this.timers = context.timers();
        this.media = media;
        this.acd = acd;
        this.registrations = registrations;
        this.outside = outside;
        this.pickups = pickups;
        this.phones = context.phones();
    }

    /** Distribution offered the call to {@code agent}: their phone rings, or the phone picking it up is answered. */
    void ringAgent(VoiceCall call, String agent) {
        if (call.state() != VoiceCall.State.QUEUED && !(call.outbound && call.state() == VoiceCall.State.FLOW)) {
            return;
        }
        if (call.pickup != null && call.pickup.agent().equals(agent)) {
            pickups.answer(call);
            return;
        }
        Optional<String> extension = acd.agent(agent).map(AgentView::extension);
        Optional<Registrations.Binding> phone = extension.flatMap(e -> registrations.find(e, System.currentTimeMillis()));
        if (phone.isEmpty()) {
            LOG.warn("Call {} for {}, whose phone ({}) is not registered", call.id, agent, extension.orElse("no extension"));
            ringingFailed(call, agent);
            return;
        }
        if (phones.busy(extension.get())) {
            // The agent's previous call is not over at their phone yet (our BYE not answered): ring once it is.
            LOG.debug("Call {}: {}'s phone {} is still in its previous call; it rings once that is over", call.id,
                    agent, extension.get());
            phones.whenFree(extension.get(), () -> b2bua.onLane(call, () -> {
                if (call.state() == VoiceCall.State.QUEUED && offeredTo(call, agent)) {
                    ringAgent(call, agent);
                }
            }));
            return;
        }
        ringPhone(call, agent, extension.get(), phone.get().contact());
    }

    /** Whether distribution still offers the call to {@code agent}. */
    private boolean offeredTo(VoiceCall call, String agent) {
        return acd.interaction(call.id).filter(view -> view.state() == InteractionState.OFFERED
                && view.agents().contains(agent)).isPresent();
    }

    /** Rings the phone at {@code contact} as the call's agent leg ({@code agent} null for an extension called directly). */
    void ringPhone(VoiceCall call, String agent, String extension, SipURI contact) {
        MediaLeg agentMedia;
        try {
            agentMedia = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call {} cannot ring {}: {}", call.id, extension, e.getMessage());
            ringingFailed(call, agent);
            return;
        }
        String transport = contact.getTransportParam() != null ? contact.getTransportParam() : "udp";
        try {
            Request invite = messages.invite(provider, contact, call.caller, null, extension, transport);
            messages.body(invite, "application/sdp", Sdp.offer(agentMedia.local()));
            call.agent = agent;
            call.agentExtension = extension;
            // Before the INVITE goes: its answer may be handled on another thread before this one goes on.
            phones.opened(extension, callId(invite));
            try {
                send(call, invite, agentMedia);
            } catch (SipException | RuntimeException e) {
                phones.closed(callId(invite));
                throw e;
            }
            LOG.debug("Call {}: ringing {} at {}", call.id, agent == null ? "extension " + extension : "agent " + agent,
                    contact);
        } catch (SipException | RuntimeException e) {
            LOG.warn("Call {} cannot ring {} at {}: {}", call.id, extension, contact, e.toString());
            b2bua.forgetAgentLeg(call);
            ringingFailed(call, agent);
            return;
        }
        if (call.internal || call.transferUnanswered != null) {
            giveUpRingingAfter(call, "extension " + extension);
        }
    }

    /** Sends the agent leg's INVITE, offering {@code leg}: the call rings there. */
    private void send(VoiceCall call, Request invite, MediaLeg leg) throws SipException {
        ClientTransaction transaction = provider.getNewClientTransaction(invite);
        call.agentMedia = leg;
        call.agentInvite = transaction;
        call.agentDialog = provider.getNewDialog(transaction);
        call.agentCallId = callId(invite);
        call.to(VoiceCall.State.RINGING_AGENT);
        calls.addLeg(call.agentCallId, call);
        transaction.sendRequest();
    }

    /**
     * Dials {@code number} through the trunk as the call's agent leg: a phone's call outside, or a customer
     * transferred out.
     */
    void dialOutside(VoiceCall call, String number) {
        Optional<Trunk> trunk = outside.outbound();
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call {} cannot dial {}: {}", call.id, number, e.getMessage());
            outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            return;
        }
        if (trunk.isEmpty()) {
            leg.close();
            outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            return;
        }
        try {
            Request invite = outside.invite(trunk.get(), number, leg);
            call.trunk = trunk.get();
            call.externalNumber = number;
            send(call, invite, leg);
            LOG.debug("Call {}: dialing {} through trunk {}", call.id, number, trunk.get().name());
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.warn("Call {} cannot dial {}: {}", call.id, number, e.toString());
            b2bua.forgetAgentLeg(call);
            leg.close();
            outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            return;
        }
        giveUpRingingAfter(call, number);
    }

    /** A phone called directly or a number dialed out that does not answer in time is given up. */
    private void giveUpRingingAfter(VoiceCall call, String called) {
        ClientTransaction ringing = call.agentInvite;
        Duration ringFor = call.ringFor != null ? call.ringFor : RING;
        timers.schedule(() -> b2bua.onLane(call, () -> {
            if (call.state() == VoiceCall.State.RINGING_AGENT && call.agentInvite == ringing) {
                LOG.info("Call {}: {} did not answer within {} s", call.id, called, ringFor.toSeconds());
                String number = call.externalNumber;
                b2bua.cancelAgent(call);
                if (call.internal) {
                    extensionFailed(call, Response.TEMPORARILY_UNAVAILABLE);
                } else {
                    outsideFailed(call, number, Response.TEMPORARILY_UNAVAILABLE);
                }
            }
        }), ringFor.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A number dialed out was not reached: a phone that dialed it hears why; a customer transferred out goes back
     * to their queue as a new interaction (or is let go when they came from none).
     */
    void outsideFailed(VoiceCall call, String number, int status) {
        if (call.internal) {
            extensionFailed(call, status);
            return;
        }
        if (flowGoesOn(call)) {
            return;
        }
        call.to(VoiceCall.State.FLOW);
        call.outsideDistribution = false;
        if (call.queue == null) {
            LOG.info("Call {}: transfer to {} failed ({}); the caller is let go", call.id, number, status);
            b2bua.hangUpFromFlow(call);
            return;
        }
        LOG.info("Call {}: transfer to {} failed ({}); back to queue {}", call.id, number, status, call.queue);
        b2bua.flowCalls().enqueue(call, new Interaction(call.id, Channel.VOICE, call.queue, 0, List.of(), call.dialed,
                call.caller, Map.of("transferFailed", number), Instant.now()), Duration.ZERO, call.language);
    }

    /** Distribution took the offer back from {@code agent}: their phone stops ringing. */
    void stopRinging(VoiceCall call, String agent) {
        if (call.state() == VoiceCall.State.RINGING_AGENT && agent.equals(call.agent)) {
            LOG.debug("Call {}: offer to {} ended; ringing stops", call.id, agent);
            b2bua.cancelAgent(call);
            call.to(VoiceCall.State.QUEUED);
        }
    }

    /** A flow's transfer was not answered: the flow goes on at its fallback step. False when no flow waits. */
    private boolean flowGoesOn(VoiceCall call) {
        Runnable unanswered = call.transferUnanswered;
        if (unanswered == null) {
            return false;
        }
        LOG.info("Call {}: nobody answered the flow's transfer; the flow goes on", call.id);
        call.transferUnanswered = null;
        call.outsideDistribution = false;
        call.to(VoiceCall.State.FLOW);
        call.callerMedia.stopPlaying();
        unanswered.run();
        return true;
    }

    /**
     * A flow puts the caller through to an extension's phone or a number outside, ringing it at most
     * {@code ringFor}; the caller hears music meanwhile.
     */
    void transferFromFlow(VoiceCall call, String destination, Duration ringFor, Runnable unanswered) {
        Optional<Registrations.Binding> phone = registrations.find(destination, System.currentTimeMillis());
        if (phone.isEmpty() && !outside.dialsOut(destination)) {
            LOG.info("Call {}: the flow's transfer to {} goes nowhere (no phone registered there, no trunk to dial"
                    + " it)", call.id, destination);
            unanswered.run();
            return;
        }
        call.transferUnanswered = unanswered;
        call.outsideDistribution = true;
        call.ringFor = ringFor;
        b2bua.playHoldMusic(call);
        if (phone.isPresent()) {
            ringPhone(call, null, destination, phone.get().contact());
        } else {
            dialOutside(call, destination);
        }
    }

    /** Who the agent leg rings, for the log. */
    static String calledParty(VoiceCall call) {
        if (call.externalNumber != null) {
            return call.externalNumber;
        }
        return call.agent != null ? "agent " + call.agent + "'s phone" : "extension " + call.agentExtension;
    }

    /** The agent leg being rung failed with {@code status}: what follows depends on what the call is. */
    void agentLegFailed(VoiceCall call, int status) {
        String agent = call.agent;
        String number = call.externalNumber;
        b2bua.forgetAgentLeg(call);
        if (number != null) {
            outsideFailed(call, number, status);
        } else if (call.internal) {
            extensionFailed(call, status);
        } else {
            ringingFailed(call, agent);
        }
    }

    /** An agent's phone could not be rung or did not answer: the offer is declined, or a callback is given up. */
    private void ringingFailed(VoiceCall call, String agent) {
        if (flowGoesOn(call)) {
            return;
        }
        if (call.internal) {
            extensionFailed(call, Response.TEMPORARILY_UNAVAILABLE);
        } else if (call.outbound) {
            LOG.info("Callback {}: agent {} could not be reached; the callback ends", call.id, agent);
            ignoreConflict(() -> acd.end(call.id));
            b2bua.finish(call);
        } else {
            call.to(VoiceCall.State.QUEUED);
            ignoreConflict(() -> acd.decline(call.id, agent));
        }
    }

    /**
     * A phone called directly could not be reached: its caller gets the callee's refusal when it is one a caller
     * can act on (busy, declined, not found), else 480.
     */
    private void extensionFailed(VoiceCall call, int status) {
        int told = switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE, Response.NOT_FOUND,
                    Response.TEMPORARILY_UNAVAILABLE -> status;
            default -> Response.TEMPORARILY_UNAVAILABLE;
        };
        sip.respond(call.callerInvite, B2bua.inCallerDialog(call, messages.response(told, call.callerInvite.getRequest())));
        b2bua.finish(call);
    }
}
