package org.switchboard.sip.internal;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.B2bua.ignoreConflict;
import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;
import static org.switchboard.sip.internal.Signalling.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;

/** Directed pickup from a phone: the pickup code and an extension answer the call of distribution ringing there. */
final class PhonePickup {

    private static final Logger LOG = LoggerFactory.getLogger(PhonePickup.class);

    private final B2bua b2bua;
    private final CallContext context;
    private final Signalling sip;
    private final SipMessages messages;
    private final Registrar registrar;
    private final AcdService acd;
    private final MediaService media;

    PhonePickup(B2bua b2bua, CallContext context, Registrar registrar, AcdService acd, MediaService media) {
        this.b2bua = b2bua;
        this.context = context;
        this.sip = context.sip();
        this.messages = context.messages();
        this.registrar = registrar;
        this.acd = acd;
        this.media = media;
    }

    /**
     * A phone dialed the pickup code and an extension where a call rings: once it proves who it is, distribution
     * moves the offer to the agent signed in at that phone, and the phone's INVITE is answered with the call.
     */
    void pickUp(VoiceCall call, RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        Response refusal = registrar.authenticate(request, Registrar.source(event), System.currentTimeMillis());
        if (refusal != null) {
            sip.respond(transaction, refusal);
            return;
        }
        if (call.state() != VoiceCall.State.RINGING_AGENT || call.pickup != null) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request),
                    "the call no longer rings there"));
            return;
        }
        String extension = user(request);
        Optional<AgentView> picker = acd.agents().stream().filter(agent -> extension.equals(agent.extension())).findFirst();
        if (picker.isEmpty()) {
            sip.respond(transaction, sip.warning(messages.response(Response.FORBIDDEN, request),
                    "no agent is signed in at extension " + extension));
            return;
        }
        if (body(request).isBlank()) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_ACCEPTABLE_HERE, request),
                    "a pickup needs an SDP offer in the INVITE"));
            return;
        }
        SessionOffer offer = sip.offerOrRefuse(request, transaction);
        if (offer == null) {
            return;
        }
        VoiceCall.Pickup pickup = new VoiceCall.Pickup(transaction, offer, extension, picker.get().login(),
                callId(request));
        call.pickup = pickup;
        try {
            // Distribution withdraws the offer (the ringing phone stops) and offers it to the picker (answered below).
            acd.redirect(call.id, call.agent, pickup.agent());
        } catch (AcdConflictException e) {
            call.pickup = null;
            sip.respond(transaction, sip.warning(messages.response(Response.TEMPORARILY_UNAVAILABLE, request),
                    e.getMessage()));
            return;
        }
        LOG.info("Call {}: the phone at {} picks it up from {}", call.id, extension, call.agent);
        context.timers().schedule(() -> b2bua.onLane(call, () -> {
            if (call.pickup == pickup) {
                call.pickup = null;
                sip.respond(transaction, messages.response(Response.TEMPORARILY_UNAVAILABLE, request));
            }
        }), 5, TimeUnit.SECONDS);
    }

    /** Distribution offered the call to the agent whose phone asked to pick it up: that INVITE is answered. */
    void answer(VoiceCall call) {
        VoiceCall.Pickup pickup = call.pickup;
        call.pickup = null;
        Request request = pickup.transaction().getRequest();
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (MediaUnavailableException e) {
            sip.respond(pickup.transaction(), messages.response(Response.SERVICE_UNAVAILABLE, request));
            call.to(VoiceCall.State.QUEUED);
            ignoreConflict(() -> acd.decline(call.id, pickup.agent()));
            return;
        }
        try {
            Dialog dialog = context.provider().getNewDialog(pickup.transaction());
            leg.connect(pickup.offer().address(), pickup.offer().codec(), pickup.offer().telephoneEventType());
            pickup.transaction().sendResponse(sip.answerWith(request, leg, pickup.offer()));
            call.agentDialog = dialog;
        } catch (SipException | InvalidArgumentException e) {
            leg.close();
            LOG.warn("Call {}: the phone at {} could not pick it up: {}", call.id, pickup.extension(), e.toString());
            call.to(VoiceCall.State.QUEUED);
            ignoreConflict(() -> acd.decline(call.id, pickup.agent()));
            return;
        }
        call.agent = pickup.agent();
        call.agentExtension = pickup.extension();
        call.agentMedia = leg;
        call.agentCallId = pickup.callId();
        context.calls().addLeg(call.agentCallId, call);
        try {
            acd.accept(call.id, call.agent);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: picked up after the offer had ended ({}); hanging up the phone", call.id, e.getMessage());
            sip.sendBye(call.agentDialog);
            b2bua.forgetAgentLeg(call);
            call.to(VoiceCall.State.QUEUED);
            return;
        }
        b2bua.bridge(call);
        LOG.info("Call {}: picked up by {} at {}", call.id, call.agent, call.agentExtension);
    }
}
