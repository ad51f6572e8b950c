package org.switchboard.sip.internal;

import java.util.concurrent.ScheduledExecutorService;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What every part of the B2BUA works with: the SIP provider and the messages it sends, signalling, the timers,
 * the calls' lanes (each event of a call runs on its own), the calls in progress and the agents' phones in use.
 */
record CallContext(SipProvider provider, SipMessages messages, Signalling sip, ScheduledExecutorService timers,
        KeyedExecutor lanes, CallTable calls, PhoneLines phones) {

    /** A request within a dialog, its server transaction, and the call it belongs to. */
    record InDialog(Request request, ServerTransaction transaction, VoiceCall call) {
    }

    /**
     * The call a request within a dialog belongs to; null when there is none (answered 481) or the request is a
     * retransmission the stack absorbs.
     */
    InDialog inDialog(RequestEvent event) {
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return null;
        }
        Request request = event.getRequest();
        VoiceCall call = calls.byLeg(Signalling.callId(request));
        if (call == null) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return null;
        }
        return new InDialog(request, transaction, call);
    }
}
