package org.switchboard.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionState;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaLeg;

/**
 * Sends what the B2BUA says in SIP (responses, answers to offers, ACK, BYE, CANCEL, NOTIFY), logging rather than
 * throwing when a peer has gone: a call ending must never be held up by a message that cannot be delivered.
 */
final class Signalling {

    private static final Logger LOG = LoggerFactory.getLogger(Signalling.class);

    /** How long a 2xx is retransmitted while its ACK does not come (64×T1, RFC 3261 §13.3.1.4). */
    private static final long ACK_WAIT_SECONDS = 32;

    private final SipProvider provider;
    private final SipMessages messages;
    private final ScheduledExecutorService timers;
    /** BYEs that wait for the ACK of the 2xx they would follow, by the Call-ID of the caller's leg. */
    private final Map<String, Dialog> byeOnAck = new ConcurrentHashMap<>();

    Signalling(SipProvider provider, SipMessages messages, ScheduledExecutorService timers) {
        this.provider = provider;
        this.messages = messages;
        this.timers = timers;
    }

    /**
     * Hangs up on a call's caller. A callee must not send BYE before the ACK of its 2xx (RFC 3261 §15): a caller
     * whose ACK has not come yet (a flow that ends the call at once) gets the BYE when it does, or when the 2xx's
     * retransmissions give up, when the session is to end anyway (§13.3.1.4).
     */
    void byeCaller(VoiceCall call) {
        Dialog dialog = call.callerDialog;
        if (dialog == null || call.callerAcked || !dialog.isServer()) {
            sendBye(dialog);
            return;
        }
        String callId = call.callerCallId;
        byeOnAck.put(callId, dialog);
        if (call.callerAcked) {
            ackArrived(callId); // the ACK came while the BYE was being put aside
            return;
        }
        timers.schedule(() -> ackArrived(callId), ACK_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** An ACK on leg {@code callId} came (or will not): the BYE waiting for it, if any, goes. */
    void ackArrived(String callId) {
        Dialog dialog = byeOnAck.remove(callId);
        if (dialog != null) {
            sendBye(dialog);
        }
    }

    /**
     * Makes sure the stack took the caller's ACK of our 2xx. JAIN-SIP starts the 2xx's retransmission timer only
     * after the 2xx has been sent, and matches an ACK against that timer: an ACK that comes in between (a quick
     * caller, a thread put aside on a busy machine) is passed on but not taken, so the 2xx goes on being sent and
     * the dialog is never confirmed, and the caller's BYE is then lost. Given the ACK again once the 2xx has gone
     * out, the dialog takes it.
     */
    void confirmAck(Dialog dialog, ServerTransaction ack) {
        if (ackMissed(dialog) && ack instanceof SIPServerTransaction acknowledgement) {
            SIPDialog server = (SIPDialog) dialog;
            boolean taken = server.handleAck(acknowledgement);
            LOG.debug("ACK of {} raced our 2xx; given to its dialog again: {}", callId(ack.getRequest()),
                    taken ? "taken" : "refused");
        }
    }

    /** Whether the stack has not taken an ACK of our 2xx in {@code dialog}: almost always, it has. */
    static boolean ackMissed(Dialog dialog) {
        return dialog instanceof SIPDialog server && !server.isAckSeen();
    }

    void notifyTransfer(Dialog dialog, String statusLine) {
        try {
            Request notify = dialog.createRequest(Request.NOTIFY);
            notify.setHeader(messages.headers.createEventHeader("refer"));
            notify.setHeader(messages.headers.createSubscriptionStateHeader("terminated;reason=noresource"));
            messages.body(notify, "message/sipfrag", statusLine + "\r\n");
            dialog.sendRequest(provider.getNewClientTransaction(notify));
        } catch (SipException | ParseException e) {
            LOG.debug("NOTIFY of a transfer failed: {}", e.toString());
        }
    }

    void sendCancel(ClientTransaction invite) {
        if (invite.getState() != TransactionState.PROCEEDING && invite.getState() != TransactionState.CALLING) {
            return;
        }
        try {
            provider.getNewClientTransaction(invite.createCancel()).sendRequest();
        } catch (SipException e) {
            LOG.debug("CANCEL of {} failed: {}", callId(invite.getRequest()), e.toString());
        }
    }

    void sendAck(Dialog dialog, long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException e) {
            LOG.debug("ACK failed: {}", e.toString());
        }
    }

    void ackThenBye(Dialog dialog, long cseq) {
        sendAck(dialog, cseq);
        sendBye(dialog);
    }

    void sendBye(Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(provider.getNewClientTransaction(bye));
        } catch (SipException e) {
            LOG.debug("BYE failed: {}", e.toString());
        }
    }

    ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction != null) {
            return transaction;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (javax.sip.TransactionAlreadyExistsException e) {
            return null; // a retransmission: the transaction we have answers it
        } catch (javax.sip.TransactionUnavailableException e) {
            // The stack will not keep a transaction for a request missing what RFC 3261 requires (Contact in an
            // INVITE, Max-Forwards, ...): refuse it statelessly, saying why.
            badRequest(event.getRequest(), e.getMessage());
            return null;
        }
    }

    void badRequest(Request request, String why) {
        String reason = ReasonPhrases.human(why, "Bad Request");
        LOG.debug("{} from {} refused: {}", request.getMethod(), user(request), reason);
        try {
            Response bad = messages.response(Response.BAD_REQUEST, request);
            bad.setReasonPhrase(reason);
            provider.sendResponse(bad);
        } catch (SipException | ParseException | RuntimeException e) {
            LOG.debug("400 could not be sent: {}", e.toString());
        }
    }

    void respond(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("Response {} could not be sent: {}", response.getStatusCode(), e.toString());
        }
    }

    Response warning(Response response, String text) {
        try {
            response.addHeader(messages.headers.createWarningHeader("switchboard", 399,
                    ReasonPhrases.human(text, "refused", ReasonPhrases.WARNING_LENGTH)));
        } catch (ParseException | InvalidArgumentException e) {
            LOG.debug("Warning '{}' not added: {}", text, e.toString());
        }
        return response;
    }

    /** The SDP offer of a request, or null once the request has been refused with 488 saying why. */
    SessionOffer offerOrRefuse(Request request, ServerTransaction transaction) {
        try {
            return Sdp.read(body(request));
        } catch (SdpRejected e) {
            respond(transaction, warning(messages.response(Response.NOT_ACCEPTABLE_HERE, request), e.getMessage()));
            return null;
        }
    }

    /** 200 OK to an offer: our contact, and the answer of {@code leg} with the mirrored direction. */
    Response answerWith(Request request, MediaLeg leg, SessionOffer offer) {
        Response ok = messages.response(Response.OK, request);
        ok.addHeader(messages.contact("switchboard", transport(request)));
        messages.body(ok, "application/sdp", Sdp.answer(leg.local(), offer, offer.direction().answer()));
        return ok;
    }

    static String callId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static String user(Request request) {
        String user = SipMessages.user(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        return user == null ? "anonymous" : user;
    }

    static String body(javax.sip.message.Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String transport(Request request) {
        return ((javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport();
    }
}
