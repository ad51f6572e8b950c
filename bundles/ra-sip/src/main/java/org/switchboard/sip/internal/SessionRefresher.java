package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.concurrent.TimeUnit;

import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;
import static org.switchboard.sip.internal.Signalling.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaLeg;

/**
 * The caller's session timer (RFC 4028): refreshes the caller sends are agreed and answered, the appliance
 * refreshes callers that cannot, and a session that expires ends the call.
 */
final class SessionRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRefresher.class);

    private final B2bua b2bua;
    private final CallContext context;
    private final Signalling sip;
    private final SipMessages messages;

    SessionRefresher(B2bua b2bua, CallContext context) {
        this.b2bua = b2bua;
        this.context = context;
        this.sip = context.sip();
        this.messages = context.messages();
    }

    /**
     * An UPDATE (RFC 3311) within a call: a session refresh, with or without a new offer. Answered 200 (with our
     * answer to an offer); the caller's session timer starts again.
     */
    void update(RequestEvent event) {
        CallContext.InDialog in = context.inDialog(event);
        if (in == null) {
            return;
        }
        Request request = in.request();
        ServerTransaction transaction = in.transaction();
        VoiceCall call = in.call();
        context.lanes().execute(call.lane, () -> {
            boolean fromCaller = call.callerCallId.equals(callId(request));
            MediaLeg leg = fromCaller ? call.callerMedia
                    : Consultations.isConsulted(call, callId(request)) ? call.consult.media : call.agentMedia;
            if (call.state() == VoiceCall.State.ENDED || leg == null) {
                sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                return;
            }
            Response ok = messages.response(Response.OK, request);
            if (!body(request).isBlank()) {
                SessionOffer offer = sip.offerOrRefuse(request, transaction);
                if (offer == null) {
                    return;
                }
                leg.connect(offer.address(), offer.codec(), offer.telephoneEventType());
                ok = sip.answerWith(request, leg, offer);
            }
            respond(call, fromCaller, request, ok, transaction);
        });
    }

    /**
     * Sends {@code ok} to a request within the call (re-INVITE or UPDATE); one from the caller is a refresh: the
     * agreement it asks for goes into the 200 (or it is refused with 422), and the caller's timer starts again.
     */
    void respond(VoiceCall call, boolean fromCaller, Request request, Response ok, ServerTransaction transaction) {
        if (fromCaller && !refreshedBy(call, request, ok, transaction)) {
            return;
        }
        sip.respond(transaction, ok);
        if (fromCaller) {
            arm(call);
        }
    }

    /**
     * Takes a refresh from the caller (re-INVITE or UPDATE): the agreement it asks for goes into the 200. False
     * once it has been refused with 422 for too short an interval.
     */
    private boolean refreshedBy(VoiceCall call, Request request, Response ok, ServerTransaction transaction) {
        try {
            call.session = SessionTimers.negotiate(request);
        } catch (SessionTimers.IntervalTooSmall e) {
            sip.respond(transaction, intervalTooSmall(request));
            return false;
        }
        if (call.session != null) {
            SessionTimers.agree(ok, call.session, messages.headers);
        }
        return true;
    }

    /** 422 to a request asking for a shorter session interval than we accept. */
    Response intervalTooSmall(Request request) {
        Response tooSmall = messages.response(SessionTimers.INTERVAL_TOO_SMALL, request);
        try {
            tooSmall.setReasonPhrase("Session Interval Too Small");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        SessionTimers.minimum(tooSmall, messages.headers);
        return tooSmall;
    }

    /**
     * Starts the caller's session timer again after a refresh: the caller refreshes before it runs out, or the
     * call ends as if they hung up; or the appliance refreshes halfway.
     */
    void arm(VoiceCall call) {
        SessionTimers.Agreement agreement = call.session;
        int generation = ++call.sessionGeneration;
        if (agreement == null) {
            return;
        }
        long delay = agreement.callerRefreshes() ? agreement.expirySeconds() : agreement.seconds() / 2;
        context.timers().schedule(() -> b2bua.onLane(call, () -> {
            if (call.sessionGeneration != generation) {
                return;
            }
            if (agreement.callerRefreshes()) {
                LOG.info("Call {}: the caller did not refresh the session within {} s; it has expired", call.id,
                        agreement.seconds());
                sip.byeCaller(call);
                b2bua.hangUp(call, true);
            } else {
                refresh(call, agreement);
            }
        }), delay, TimeUnit.SECONDS);
    }

    /** The appliance refreshes the caller's session: UPDATE when the caller allows it, else a re-INVITE. */
    private void refresh(VoiceCall call, SessionTimers.Agreement agreement) {
        try {
            Request refresh = call.callerDialog.createRequest(call.refreshByUpdate ? Request.UPDATE : Request.INVITE);
            SessionTimers.refresh(refresh, agreement, messages.headers);
            if (!call.refreshByUpdate) {
                refresh.setHeader(messages.contact("switchboard", transport(call.callerInvite.getRequest())));
                messages.body(refresh, "application/sdp", Sdp.offer(call.callerMedia.local()));
            }
            call.callerDialog.sendRequest(context.provider().getNewClientTransaction(refresh));
            LOG.debug("Call {}: session refreshed by {}", call.id, refresh.getMethod());
        } catch (SipException e) {
            LOG.info("Call {}: the session cannot be refreshed ({}); the call ends", call.id, e.getMessage());
            sip.byeCaller(call);
            b2bua.hangUp(call, true);
        }
    }

    /** The caller answered our refresh: the timer starts again, or the call ends if the caller has lost it. */
    void refreshAnswered(VoiceCall call, ResponseEvent event, long cseq) {
        int status = event.getResponse().getStatusCode();
        if (status < 200) {
            return;
        }
        if (status < 300) {
            if (Request.INVITE.equals(((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getMethod())) {
                sip.sendAck(event.getDialog(), cseq);
            }
            arm(call);
        } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            LOG.info("Call {}: the caller no longer knows the call ({}); it ends", call.id, status);
            b2bua.hangUp(call, true);
        } else {
            arm(call); // e.g. 491: the next refresh comes in half the interval again
        }
    }
}
