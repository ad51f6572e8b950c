package org.switchboard.sip.internal;

import java.text.ParseException;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.B2bua.ignoreConflict;
import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;

/**
 * Calls we place (callbacks): the agent's phone rings first; once the agent answers, the customer is dialed
 * through the trunk, and the two are bridged when the customer answers.
 */
final class Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private final B2bua b2bua;
    private final AgentLegs legs;
    private final CallContext context;
    private final SipProvider provider;
    private final Signalling sip;
    private final MediaService media;
    private final AcdService acd;
    private final OutsideLines outside;
    private final AuthenticationHelper authentication;

    Callbacks(B2bua b2bua, AgentLegs legs, CallContext context, MediaService media, AcdService acd, OutsideLines outside,
            AuthenticationHelper authentication) {
        this.b2bua = b2bua;
        this.legs = legs;
        this.context = context;
        this.provider = context.provider();
        this.sip = context.sip();
        this.media = media;
        this.acd = acd;
        this.outside = outside;
        this.authentication = authentication;
    }

    /** An accepted callback: {@code agent}'s phone is rung, the customer is dialed through {@code trunk} after. */
    void place(Interaction callback, String agent, Trunk trunk) {
        MediaLeg customerMedia;
        try {
            customerMedia = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Callback {} to {} cannot be placed: {}", callback.id(), callback.customer(), e.getMessage());
            ignoreConflict(() -> acd.end(callback.id()));
            return;
        }
        VoiceCall call = new VoiceCall(callback.id(), callback.customer(), callback.entryPoint(), customerMedia);
        call.queue = callback.queue();
        call.trunk = trunk;
        context.calls().add(call);
        LOG.info("Callback {} to {} for agent {} through trunk {}", call.id, call.customerNumber, agent, trunk.name());
        context.lanes().execute(call.lane, () -> legs.ringAgent(call, agent));
    }

    /** The agent answered: the customer is dialed. */
    void dialCustomer(VoiceCall call) {
        Trunk trunk = call.trunk;
        try {
            Request invite = outside.invite(trunk, call.customerNumber, call.callerMedia);
            ClientTransaction transaction = provider.getNewClientTransaction(invite);
            call.callerDialog = provider.getNewDialog(transaction);
            call.customerInvite = transaction;
            call.callerCallId = callId(invite);
            context.calls().addLeg(call.callerCallId, call);
            call.to(VoiceCall.State.DIALING_CUSTOMER);
            transaction.sendRequest();
            LOG.info("Callback {}: agent {} answered; dialing {} through {}", call.id, call.agent, call.customerNumber,
                    trunk.name());
        } catch (ParseException | SipException | RuntimeException e) {
            customerFailed(call, "cannot dial " + call.customerNumber + ": " + e.getMessage());
        }
    }

    /** The trunk's response to our INVITE to the customer. */
    void customerResponse(VoiceCall call, ResponseEvent event, long cseq) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (call.state() != VoiceCall.State.DIALING_CUSTOMER) {
            if (status / 100 == 2 && event.getDialog() != null) {
                sip.sendAck(event.getDialog(), cseq); // a retransmitted 200
            }
            return;
        }
        if (status < 200) {
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && !call.trunk.username().isEmpty() && !call.authenticated) {
            call.authenticated = true;
            try {
                ClientTransaction retry = authentication.handleChallenge(response, event.getClientTransaction(), provider, 5);
                call.customerInvite = retry;
                call.callerDialog = retry.getDialog() != null ? retry.getDialog() : provider.getNewDialog(retry);
                retry.sendRequest();
            } catch (SipException | RuntimeException e) {
                customerFailed(call, "the trunk's challenge cannot be answered: " + e.getMessage());
            }
            return;
        }
        if (status >= 300) {
            customerFailed(call, status + " " + response.getReasonPhrase());
            return;
        }
        Dialog dialog = event.getDialog();
        call.callerDialog = dialog;
        sip.sendAck(dialog, cseq);
        try {
            SessionOffer answer = Sdp.read(body(response));
            call.callerMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        } catch (SdpRejected e) {
            sip.sendBye(dialog);
            customerFailed(call, "unusable SDP: " + e.getMessage());
            return;
        }
        b2bua.bridge(call);
        LOG.info("Callback {}: {} answered; bridged with agent {}", call.id, call.customerNumber, call.agent);
    }

    /** The customer could not be reached: the agent's phone is hung up and the callback ends. */
    void customerFailed(VoiceCall call, String why) {
        LOG.info("Callback {} to {} failed: {}", call.id, call.customerNumber, why);
        sip.sendBye(call.agentDialog);
        ignoreConflict(() -> acd.end(call.id));
        b2bua.finish(call);
    }
}
