package org.switchboard.sip.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.TransactionState;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaLeg;

/** Requests within a call's dialogs: re-INVITE, ACK, INFO (keys), CANCEL and BYE. */
final class DialogRequests {

    private static final Logger LOG = LoggerFactory.getLogger(DialogRequests.class);
    private static final Pattern DTMF_RELAY = Pattern.compile("(?im)^\\s*signal\\s*=\\s*([0-9*#A-D])");

    private final B2bua b2bua;
    private final CallTable calls;
    private final KeyedExecutor lanes;
    private final Signalling sip;
    private final SipMessages messages;
    private final SessionRefresher sessions;
    private final Monitoring monitoring;
    private final CallContext context;

    DialogRequests(B2bua b2bua, CallContext context, SessionRefresher sessions, Monitoring monitoring) {
        this.context = context;
        this.b2bua = b2bua;
        this.calls = context.calls();
        this.lanes = context.lanes();
        this.sip = context.sip();
        this.messages = context.messages();
        this.sessions = sessions;
        this.monitoring = monitoring;
    }

    /** An INVITE within a dialog: the party moved its media or put the call on hold or took it off. */
    void reInvite(VoiceCall call, RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        if (call == null || call.state() == VoiceCall.State.ENDED) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        boolean fromCaller = call.callerCallId.equals(callId(request));
        boolean fromConsulted = Consultations.isConsulted(call, callId(request));
        MediaLeg leg = fromCaller ? call.callerMedia : fromConsulted ? call.consult.media : call.agentMedia;
        if (leg == null) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        SessionOffer offer = sip.offerOrRefuse(request, transaction);
        if (offer == null) {
            return;
        }
        leg.connect(offer.address(), offer.codec(), offer.telephoneEventType());
        if (!fromCaller && !fromConsulted && call.state() == VoiceCall.State.TALKING) {
            // The agent's phone holds the call: the customer hears music until it is taken back.
            if (offer.direction().onHold()) {
                LOG.info("Call {} put on hold by agent {}", call.id, call.agent);
                b2bua.playHoldMusic(call);
            } else {
                call.callerMedia.stopPlaying();
            }
        }
        sessions.respond(call, fromCaller, request, sip.answerWith(request, leg, offer), transaction);
    }

    /** The caller, the phone on the agent leg or a supervisor's phone hangs up. */
    void bye(RequestEvent event) {
        CallContext.InDialog in = context.inDialog(event);
        if (in == null) {
            return;
        }
        Request request = in.request();
        ServerTransaction transaction = in.transaction();
        VoiceCall call = in.call();
        lanes.execute(call.lane, () -> {
            sip.respond(transaction, messages.response(Response.OK, request));
            if (callId(request).equals(call.supervisorCallId)) {
                LOG.info("Call {}: supervisor at {} left", call.id, call.supervisorExtension);
                monitoring.end(call, false);
                return;
            }
            if (Consultations.isConsulted(call, callId(request))) {
                b2bua.consultations().hungUp(call);
                return;
            }
            boolean fromCaller = call.callerCallId.equals(callId(request));
            b2bua.hangUp(call, fromCaller);
        });
    }

    /** The caller gives up before being answered. */
    void cancel(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        int status = CancelMatching.status(event);
        sip.respond(transaction, messages.response(status, request));
        VoiceCall call = calls.byLeg(callId(request));
        if (call == null || status != Response.OK) {
            return;
        }
        lanes.execute(call.lane, () -> {
            if (call.callerInvite != null && call.callerInvite.getState() == TransactionState.PROCEEDING) {
                sip.respond(call.callerInvite, B2bua.inCallerDialog(call,
                        messages.response(Response.REQUEST_TERMINATED, call.callerInvite.getRequest())));
                b2bua.hangUp(call, true);
            }
        });
    }

    /**
     * A party confirms our 2xx (to its INVITE or re-INVITE); after the caller's INVITE without SDP, the ACK carries
     * the caller's answer.
     */
    void ack(RequestEvent event) {
        Request request = event.getRequest();
        String callId = callId(request);
        VoiceCall call = calls.byLeg(callId);
        boolean callerLeg = call != null && call.callerCallId.equals(callId);
        if (callerLeg) {
            call.callerAcked = true;
        }
        sip.ackArrived(callId);
        Dialog dialog = event.getDialog();
        if (call == null || !Signalling.ackMissed(dialog) && !(callerLeg && call.awaitingAnswer)) {
            return; // the usual case: the stack took the ACK, and it carries no answer to read
        }
        ServerTransaction ack = event.getServerTransaction();
        lanes.execute(call.lane, () -> {
            // On the call's lane, so after our 2xx has gone out whole: only then can the stack be told it missed
            // an ACK that raced the 2xx's sending.
            sip.confirmAck(dialog, ack);
            if (!callerLeg || !call.awaitingAnswer || call.state() == VoiceCall.State.ENDED) {
                return;
            }
            call.awaitingAnswer = false;
            try {
                SessionOffer answer = Sdp.read(body(request));
                call.callerMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
            } catch (SdpRejected e) {
                LOG.info("Call {}: the caller's ACK has no usable answer ({}); hanging up", call.id, e.getMessage());
                sip.sendBye(call.callerDialog);
                b2bua.hangUp(call, true);
            }
        });
    }

    /** DTMF sent in signalling (SIP INFO, application/dtmf-relay) rather than as RFC 4733 events. */
    void info(RequestEvent event) {
        CallContext.InDialog in = context.inDialog(event);
        if (in == null) {
            return;
        }
        Request request = in.request();
        ServerTransaction transaction = in.transaction();
        VoiceCall call = in.call();
        Matcher signal = DTMF_RELAY.matcher(body(request));
        sip.respond(transaction, messages.response(Response.OK, request));
        if (signal.find() && call.callerCallId.equals(callId(request))) {
            char digit = Character.toUpperCase(signal.group(1).charAt(0));
            lanes.execute(call.lane, () -> call.callerMedia.digit(digit));
        }
    }
}
