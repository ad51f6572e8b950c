package org.switchboard.sip.internal;

import java.nio.file.Path;
import java.time.Instant;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaBridge;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MonitorMode;

/**
 * One inbound call through the B2BUA: the caller's leg, and the leg to the agent's phone being rung or
 * talking. Touched only on the call's own thread of the keyed executor.
 */
final class VoiceCall {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceCall.class);

    /** Where the call stands, and where it may go from there. */
    enum State {
        /** In a flow (or between two steps of call handling): the caller hears prompts or music. */
        FLOW,
        /** Waiting in a queue for distribution's offer. */
        QUEUED,
        /** An agent's phone, an extension or a number outside is rung as the call's other leg. */
        RINGING_AGENT,
        /** A callback: the agent answered and the customer is dialed. */
        DIALING_CUSTOMER,
        /** The parties are bridged. */
        TALKING,
        /** Parked at a slot, hearing music. */
        PARKED,
        /** Over: everything it held is released. */
        ENDED;

        /** Whether a call may go from this state to {@code next}: the transitions call handling makes. */
        boolean leadsTo(State next) {
            return next == ENDED && this != ENDED || switch (this) {
                case FLOW -> next == QUEUED || next == RINGING_AGENT;
                case QUEUED -> next == RINGING_AGENT || next == TALKING || next == FLOW;
                case RINGING_AGENT -> next == TALKING || next == QUEUED || next == FLOW || next == DIALING_CUSTOMER;
                case DIALING_CUSTOMER -> next == TALKING;
                case TALKING -> next == FLOW || next == PARKED || next == QUEUED || next == RINGING_AGENT;
                case PARKED -> next == TALKING || next == FLOW;
                case ENDED -> false;
            };
        }
    }

    String id;
    /** The key of the call's lane: the Call-ID of its first leg, or that of the call a consultation is about. */
    final String lane;
    /** The customer's leg; for a call we place, known once we dial the customer. */
    String callerCallId;
    final String caller;
    final String dialed;
    String queue;
    final Instant startedAt;
    final MediaLeg callerMedia;
    /** The customer's INVITE to us; null for a call we place. */
    final ServerTransaction callerInvite;
    /** Our INVITE to the customer, for a call we place. */
    ClientTransaction customerInvite;
    /** True for a call the appliance places (a callback): the agent is rung first, then the customer. */
    final boolean outbound;
    /**
     * True for a call from one phone to another extension, outside distribution: the callee's phone is rung as
     * the "agent" leg, and the caller is answered only when it answers.
     */
    boolean internal;
    /** The caller's SDP offer, kept until the caller is answered (null: the caller sent none). */
    SessionOffer callerOffer;
    /** The caller's session timer (RFC 4028), if agreed; its generation cancels older timers. */
    SessionTimers.Agreement session;
    int sessionGeneration;
    /** Whether our refreshes go as UPDATE (the caller allows it) rather than re-INVITE. */
    boolean refreshByUpdate;
    /** True once the caller of an internal call was told the callee's phone rings (180). */
    boolean callerAlerted;
    /** For a call we place: the number dialed through the trunk. */
    String customerNumber;
    /** For a call we place: the trunk it goes out through, and whether its challenge was answered once. */
    Trunk trunk;
    boolean authenticated;
    Dialog callerDialog;
    private State state = State.FLOW;
    /** When the call began, by System.nanoTime(). */
    final long startedNanos = System.nanoTime();
    /** What happened to the call, for the log when the audit has to end it. */
    final CallHistory history = new CallHistory(startedNanos);
    /** When a SIP message of any of the call's legs last came (set on the SIP threads). */
    volatile long lastSignalNanos = startedNanos;
    /** The media packets the call's legs had received at the last audit, and when that count last grew. */
    long mediaPackets;
    long mediaSeenNanos = startedNanos;
    /** While waiting in a queue: the key that accepts the offer of a callback (null: none), and the language. */
    String callbackKey;
    String language = "en";
    /** The flow step waiting for keys, if any. */
    DigitCollector collector;
    /** True after answering an INVITE without SDP, until the ACK brings the caller's answer. */
    boolean awaitingAnswer;
    /** Whether the caller's ACK of our 2xx came (set on the SIP thread): only then may a BYE follow. */
    volatile boolean callerAcked;

    String agent;
    /** The extension of the phone on the agent leg. */
    String agentExtension;
    String agentCallId;
    ClientTransaction agentInvite;
    Dialog agentDialog;
    MediaLeg agentMedia;
    boolean agentProvisional;
    /**
     * The number the agent leg dialed through the trunk (a transfer out, or a phone calling outside); a call
     * whose other party is outside is no longer in distribution.
     */
    String externalNumber;
    /**
     * True once the call left distribution for a party outside it (a transfer out, a flow's transfer, a
     * consultation with someone outside joined): its end concerns no agent.
     */
    boolean outsideDistribution;
    /** While a flow puts the caller through: where the flow goes on if nobody answers; and how long to ring. */
    Runnable transferUnanswered;
    java.time.Duration ringFor;
    /** True once the trunk's challenge to the agent leg's INVITE was answered. */
    boolean agentLegChallenged;

    /** A phone's INVITE waiting to take the call from the agent it rings at (directed pickup), if any. */
    Pickup pickup;

    /** What a phone that dialed the pickup code sent: answered once distribution offers it the call. */
    record Pickup(ServerTransaction transaction, SessionOffer offer, String extension, String agent, String callId) {
    }

    MediaBridge bridge;
    /** The agent's consultation while the customer holds, if any. */
    ConsultLeg consult;
    boolean held;
    /** The park slot while parked. */
    String parkedAt;

    /** A supervisor's leg: rung at {@code supervisorExtension}, joining in {@code monitorMode} once answered. */
    String supervisorExtension;
    MonitorMode monitorMode;
    String supervisorCallId;
    ClientTransaction supervisorInvite;
    Dialog supervisorDialog;
    MediaLeg supervisorMedia;
    boolean supervisorAnswered;
    Path recording;
    Instant bridgedAt;

    /** A call that reached us; {@code lane} keys its events (its Call-ID, or that of the call it consults about). */
    VoiceCall(String id, String lane, String callerCallId, String caller, String dialed, MediaLeg callerMedia,
            ServerTransaction callerInvite, Instant startedAt) {
        this.id = id;
        this.lane = lane;
        this.callerCallId = callerCallId;
        this.outbound = false;
        this.caller = caller;
        this.dialed = dialed;
        this.callerMedia = callerMedia;
        this.callerInvite = callerInvite;
        this.startedAt = startedAt;
    }

    /** A call the appliance places for {@code interactionId}: {@code lane} keys its events. */
    VoiceCall(String interactionId, String customerNumber, String dialedFrom, MediaLeg customerMedia) {
        this.id = interactionId;
        this.lane = "outbound-" + interactionId;
        this.caller = customerNumber;
        this.dialed = dialedFrom;
        this.callerMedia = customerMedia;
        this.callerInvite = null;
        this.startedAt = Instant.now();
        this.outbound = true;
        this.customerNumber = customerNumber;
    }

    State state() {
        return state;
    }

    /**
     * The call is now in {@code next}; noted in its history. A transition outside the table ({@link State#leadsTo})
     * is logged at WARN with the call's history, so that a path no one designed is seen; an ended call stays ended.
     */
    void to(State next) {
        if (next == state) {
            return;
        }
        if (!state.leadsTo(next)) {
            LOG.warn("Call {}: {} -> {} is no transition of a call; its history: {}", id, state, next, history);
            if (state == State.ENDED) {
                return;
            }
        }
        history.note(state + " -> " + next, System.nanoTime());
        state = next;
    }

    /** Whether distribution knows the call: not one between a phone and a party it dialed, nor transferred out. */
    boolean distributed() {
        return !internal && !outsideDistribution;
    }

    /** Forgets the supervisor's leg. */
    void clearSupervisor() {
        if (supervisorMedia != null) {
            supervisorMedia.close();
        }
        supervisorExtension = null;
        monitorMode = null;
        supervisorCallId = null;
        supervisorInvite = null;
        supervisorDialog = null;
        supervisorMedia = null;
        supervisorAnswered = false;
    }

    /** Forgets the agent leg (after a failed or withdrawn offer). */
    void clearAgent() {
        if (agentMedia != null) {
            agentMedia.close();
        }
        agent = null;
        agentExtension = null;
        agentCallId = null;
        agentInvite = null;
        agentDialog = null;
        agentMedia = null;
        agentProvisional = false;
        externalNumber = null;
        agentLegChallenged = false;
    }
}
