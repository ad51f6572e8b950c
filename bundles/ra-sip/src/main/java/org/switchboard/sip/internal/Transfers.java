package org.switchboard.sip.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.B2bua.ignoreConflict;
import static org.switchboard.sip.internal.Signalling.callId;
import static org.switchboard.sip.internal.Signalling.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaUnavailableException;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.voice.CallControlException;
import org.switchboard.api.voice.TransferTarget;

/**
 * An agent passes a customer's call on: blind (to an agent, entry point, queue or number), attended (joined with
 * the party the agent's phone consulted), or to a park slot, from which a phone takes it back.
 */
final class Transfers {

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    private final B2bua b2bua;
    private final AgentLegs legs;
    private final CallTable calls;
    private final KeyedExecutor lanes;
    private final Signalling sip;
    private final SipMessages messages;
    private final CallContext context;
    private final AcdService acd;
    private final FlowService flows;
    private final OutsideLines outside;
    private final ParkingLot parking;
    private final Registrar registrar;
    private final MediaService media;
    private final Monitoring monitoring;

    Transfers(B2bua b2bua, AgentLegs legs, CallContext context, AcdService acd, FlowService flows, OutsideLines outside,
            ParkingLot parking, Registrar registrar, MediaService media, Monitoring monitoring) {
        this.b2bua = b2bua;
        this.legs = legs;
        this.context = context;
        this.calls = context.calls();
        this.lanes = context.lanes();
        this.sip = context.sip();
        this.messages = context.messages();
        this.acd = acd;
        this.flows = flows;
        this.outside = outside;
        this.parking = parking;
        this.registrar = registrar;
        this.media = media;
        this.monitoring = monitoring;
    }

    /**
     * A transfer from the agent's phone (REFER, RFC 3515). Blind: the Refer-To user is an agent's extension, an
     * entry point, a queue or the park extension. Attended (a Replaces header in Refer-To, RFC 5589): the phone's
     * consultation with another extension and its call with the customer are joined. Answered 202, then a NOTIFY
     * with the outcome; the agent's legs are ended.
     */
    void refer(RequestEvent event) {
        CallContext.InDialog in = context.inDialog(event);
        if (in == null) {
            return;
        }
        Request request = in.request();
        ServerTransaction transaction = in.transaction();
        VoiceCall call = in.call();
        ReferToHeader referTo = (ReferToHeader) request.getHeader(ReferToHeader.NAME);
        String target = referTo == null ? null : SipMessages.user(referTo.getAddress().getURI());
        if (target == null) {
            sip.respond(transaction, sip.warning(messages.response(Response.BAD_REQUEST, request), "Refer-To names no user"));
            return;
        }
        String replacing = referTo.getAddress().getURI() instanceof SipURI uri ? uri.getHeader("Replaces") : null;
        if (replacing != null) {
            Optional<Replaces> replaces = Replaces.parse(replacing);
            if (replaces.isEmpty()) {
                sip.respond(transaction, sip.warning(messages.response(Response.BAD_REQUEST, request),
                        "the Replaces header of Refer-To names no dialog (Call-ID, to-tag and from-tag)"));
                return;
            }
            Dialog dialog = event.getDialog();
            lanes.execute(call.lane, () -> attended(call, request, transaction, dialog, replaces.get()));
            return;
        }
        if (!callId(request).equals(call.agentCallId) || call.internal) {
            sip.respond(transaction, sip.warning(messages.response(Response.FORBIDDEN, request),
                    "only the agent's phone in a customer's call can transfer it"));
            return;
        }
        Dialog dialog = event.getDialog();
        lanes.execute(call.lane, () -> {
            if (parking.isParkExtension(target)) {
                sip.respond(transaction, messages.response(Response.ACCEPTED, request));
                try {
                    sip.notifyTransfer(dialog, "SIP/2.0 200 OK");
                    park(call);
                } catch (CallControlException e) {
                    LOG.info("Call {}: parking refused: {}", call.id, e.getMessage());
                }
                return;
            }
            TransferTarget destination = destination(target);
            if (destination == null) {
                sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request),
                        "'" + target + "' is no agent's extension, entry point, queue or number to dial out"));
                return;
            }
            sip.respond(transaction, messages.response(Response.ACCEPTED, request));
            try {
                check(destination);
                // Told before the agent's leg ends with the transfer, while the dialog can still carry it.
                sip.notifyTransfer(dialog, "SIP/2.0 200 OK");
                transfer(call, destination);
            } catch (CallControlException e) {
                LOG.info("Call {}: transfer to {} refused: {}", call.id, target, e.getMessage());
                sip.notifyTransfer(dialog, "SIP/2.0 480 Temporarily Unavailable");
            }
        });
    }

    /**
     * Joins the customer of one call with the party the agent consulted in another: the REFER came on one of the
     * agent phone's two dialogs and its Replaces names the other. Both calls share a lane (see
     * {@link B2bua#invite}).
     */
    private void attended(VoiceCall referring, Request request, ServerTransaction transaction, Dialog dialog,
            Replaces replaces) {
        VoiceCall replaced = calls.byLeg(replaces.callId());
        if (replaced == null || replaced == referring || replaced.state() != VoiceCall.State.TALKING
                || referring.state() != VoiceCall.State.TALKING) {
            sip.respond(transaction, sip.warning(messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request),
                    "Replaces names no other call in conversation"));
            return;
        }
        Dialog named = replaces.callId().equals(replaced.agentCallId) ? replaced.agentDialog : replaced.callerDialog;
        if (named == null || !replaces.toTag().equals(named.getLocalTag())
                || !replaces.fromTag().equals(named.getRemoteTag())) {
            sip.respond(transaction, sip.warning(messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request),
                    "the tags of Replaces match no dialog of call " + replaces.callId()));
            return;
        }
        VoiceCall customer = referring.internal ? replaced : referring;
        VoiceCall consultation = referring.internal ? referring : replaced;
        String agentLegOfCustomer = referring.internal ? replaces.callId() : callId(request);
        if (!replaced.lane.equals(referring.lane) || customer.internal || !consultation.internal
                || !agentLegOfCustomer.equals(customer.agentCallId)) {
            sip.respond(transaction, sip.warning(messages.response(Response.FORBIDDEN, request),
                    "only an agent's call with a customer and a call the agent's phone placed during it can be joined"));
            return;
        }
        sip.respond(transaction, messages.response(Response.ACCEPTED, request));
        // Told before the transferor's legs end with the transfer, while the dialog can still carry it.
        sip.notifyTransfer(dialog, "SIP/2.0 200 OK");
        join(customer, consultation, referring.internal ? callId(request) : replaces.callId());
    }

    /** The consulted party's leg replaces the agent's leg of the customer's call; the agent's two legs end. */
    private void join(VoiceCall customer, VoiceCall consultation, String transferorCallId) {
        boolean transferorCalled = transferorCallId.equals(consultation.callerCallId);
        Dialog consultedDialog = transferorCalled ? consultation.agentDialog : consultation.callerDialog;
        String consultedCallId = transferorCalled ? consultation.agentCallId : consultation.callerCallId;
        MediaLeg consultedMedia = transferorCalled ? consultation.agentMedia : consultation.callerMedia;
        String consultedExtension = transferorCalled ? consultation.agentExtension : consultation.caller;
        Dialog transferorDialog = transferorCalled ? consultation.callerDialog : consultation.agentDialog;
        MediaLeg transferorMedia = transferorCalled ? consultation.callerMedia : consultation.agentMedia;
        LOG.info("Call {}: agent {} joins the customer {} with {} (attended transfer)", customer.id, customer.agent,
                customer.caller, consultation.externalNumber != null ? consultation.externalNumber
                        : "extension " + consultedExtension);

        // The consultation ends, leaving the consulted party's leg as it is.
        b2bua.closeBridge(consultation);
        consultation.to(VoiceCall.State.ENDED);
        calls.remove(consultation);
        sip.sendBye(transferorDialog);
        transferorMedia.close();

        handOver(customer, consultedDialog, consultedCallId, consultedMedia, consultedExtension,
                consultation.externalNumber, consultation.trunk);
    }

    /**
     * The agent leaves the customer's call and wraps up; the party on {@code dialog} takes the agent's place: the
     * agent signed in at {@code extension} in distribution, or a {@code number} outside it.
     */
    void handOver(VoiceCall customer, Dialog dialog, String sipCallId, MediaLeg media, String extension, String number,
            Trunk trunk) {
        dropAgentLeg(customer);
        customer.agentDialog = dialog;
        customer.agentCallId = sipCallId;
        customer.agentMedia = media;
        customer.agentExtension = extension;
        calls.addLeg(sipCallId, customer);
        if (number != null) {
            // Someone outside: the customer now talks with them, outside distribution.
            customer.externalNumber = number;
            customer.outsideDistribution = true;
            customer.trunk = trunk;
        } else {
            takeInDistribution(customer, extension);
        }
        b2bua.bridge(customer);
    }

    /** An agent signed in at {@code user} as extension, else an entry point, a queue, a number; null for none. */
    private TransferTarget destination(String user) {
        for (AgentView agent : acd.agents()) {
            if (user.equals(agent.extension())) {
                return new TransferTarget(TransferTarget.Kind.AGENT, agent.login());
            }
        }
        if (flows.entryPoints().containsKey(user)) {
            return new TransferTarget(TransferTarget.Kind.ENTRY_POINT, user);
        }
        if (acd.queue(user).isPresent()) {
            return new TransferTarget(TransferTarget.Kind.QUEUE, user);
        }
        return outside.dialsOut(user) ? new TransferTarget(TransferTarget.Kind.EXTERNAL, user) : null;
    }

    /** Refuses a target the call cannot go to now. */
    void check(TransferTarget target) {
        switch (target.kind()) {
            case QUEUE -> {
                if (acd.queue(target.value()).isEmpty()) {
                    throw new CallControlException("no queue '" + target.value() + "'", false);
                }
            }
            case AGENT -> {
                AgentView agent = acd.agent(target.value()).orElseThrow(() ->
                        new CallControlException("agent '" + target.value() + "' is not signed in", false));
                if (agent.state() != AgentState.READY) {
                    throw new CallControlException("agent '" + target.value() + "' is " + agent.state()
                            + ", not READY", false);
                }
            }
            case ENTRY_POINT -> {
                if (!flows.entryPoints().containsKey(target.value())) {
                    throw new CallControlException("no entry point '" + target.value() + "'", false);
                }
            }
            case EXTERNAL -> {
                if (outside.outbound().isEmpty()) {
                    throw new CallControlException("no SIP trunk is configured to dial " + target.value(), false);
                }
            }
        }
    }

    /** The agent leaves the call, which goes on as a new interaction at {@code target}. */
    void transfer(VoiceCall call, TransferTarget target) {
        LOG.info("Call {}: agent {} transfers it to {} {}", call.id, call.agent, target.kind(), target.value());
        leaveAgent(call);
        String previous = calls.renew(call);
        call.to(VoiceCall.State.FLOW);
        Map<String, String> attributes = Map.of("transferredFrom", previous);
        switch (target.kind()) {
            case QUEUE -> b2bua.flowCalls().enqueue(call, new Interaction(call.id, Channel.VOICE, target.value(), 0, List.of(),
                    call.dialed, call.caller, attributes, Instant.now()), Duration.ZERO, "en");
            case AGENT -> {
                // Offered to that agent before anyone else of the queue: a transfer to them reaches them.
                b2bua.flowCalls().enqueue(call, new Interaction(call.id, Channel.VOICE, call.queue, 0, List.of(), call.dialed,
                        call.caller, attributes, Instant.now()), Duration.ZERO, "en", target.value());
            }
            case ENTRY_POINT -> {
                if (!flows.start(new SipCallSession(call, b2bua.flowCalls(), target.value()))) {
                    b2bua.hangUpFromFlow(call);
                }
            }
            case EXTERNAL -> {
                call.outsideDistribution = true;
                legs.dialOutside(call, target.value());
            }
        }
    }

    /** The agent's leg ends and the agent goes to wrap-up; the caller stays, hearing music. */
    private void leaveAgent(VoiceCall call) {
        dropAgentLeg(call);
        b2bua.playHoldMusic(call);
    }

    /** The agent's leg ends (and any supervisor's), what was recorded is listed, and the agent goes to wrap-up. */
    private void dropAgentLeg(VoiceCall call) {
        monitoring.end(call, true);
        b2bua.closeBridge(call);
        sip.sendBye(call.agentDialog);
        ignoreConflict(() -> acd.end(call.id));
        b2bua.forgetAgentLeg(call);
        call.held = false;
    }

    /** The agent parks the call in a free slot, which is returned; the caller hears music. */
    String park(VoiceCall call) {
        CallCommands.talking(call, "parked");
        String slot = parking.park(call).orElseThrow(() -> new CallControlException("every park slot is taken", false));
        LOG.info("Call {}: agent {} parks it at {}", call.id, call.agent, slot);
        leaveAgent(call);
        call.to(VoiceCall.State.PARKED);
        call.parkedAt = slot;
        return slot;
    }

    /** A phone dialed a park slot: once it proves who it is (digest), it takes the parked call. */
    void retrieve(VoiceCall call, RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        if (call.state() != VoiceCall.State.PARKED) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request), "the park slot is empty"));
            return;
        }
        Response refusal = registrar.authenticate(request, Registrar.source(event), System.currentTimeMillis());
        if (refusal != null) {
            sip.respond(transaction, refusal);
            return;
        }
        SessionOffer offer = sip.offerOrRefuse(request, transaction);
        if (offer == null) {
            return;
        }
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call {}: the phone at {} cannot take it from park: {}", call.id, user(request), e.getMessage());
            sip.respond(transaction, messages.response(Response.SERVICE_UNAVAILABLE, request));
            return;
        }
        String extension = user(request);
        try {
            Dialog dialog = context.provider().getNewDialog(transaction);
            leg.connect(offer.address(), offer.codec(), offer.telephoneEventType());
            transaction.sendResponse(sip.answerWith(request, leg, offer));
            call.agentDialog = dialog;
        } catch (SipException | InvalidArgumentException e) {
            leg.close();
            LOG.warn("Call {}: the phone at {} could not take it from park: {}", call.id, extension, e.toString());
            return;
        }
        parking.leave(call.parkedAt, call);
        LOG.info("Call {}: taken from park slot {} by the phone at {}", call.id, call.parkedAt, extension);
        call.parkedAt = null;
        call.agentMedia = leg;
        call.agentExtension = extension;
        call.agentCallId = callId(request);
        calls.addLeg(call.agentCallId, call);
        takeInDistribution(call, extension);
        b2bua.bridge(call);
    }

    /**
     * The agent signed in at the phone that took a call from park, or that a customer was joined with, gets it in
     * distribution as a new interaction, so that they are busy with it and it is in the history.
     */
    private void takeInDistribution(VoiceCall call, String extension) {
        Optional<AgentView> agent = acd.agents().stream().filter(view -> extension.equals(view.extension())).findFirst();
        if (agent.isEmpty() || call.queue == null) {
            LOG.info("Call {}: the phone at {} has no agent signed in; the call goes on outside distribution", call.id,
                    extension);
            return;
        }
        String previous = calls.renew(call);
        call.agent = agent.get().login();
        // Not QUEUED, so the offer distribution makes does not ring the agent's phone: it is already in the call.
        call.to(VoiceCall.State.FLOW);
        try {
            acd.submit(new Interaction(call.id, Channel.VOICE, call.queue, 0, List.of(), call.dialed, call.caller,
                    Map.of("parkedFrom", previous), Instant.now()));
            acd.pull(call.id, call.agent);
            acd.accept(call.id, call.agent);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: agent {} cannot take it in distribution now ({}); the call goes on", call.id, call.agent,
                    e.getMessage());
        }
    }
}
