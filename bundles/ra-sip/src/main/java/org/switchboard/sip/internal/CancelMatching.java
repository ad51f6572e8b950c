package org.switchboard.sip.internal;

import javax.sip.RequestEvent;
import javax.sip.SipProvider;
import javax.sip.message.Response;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/** Whether a CANCEL matches an INVITE the endpoint is answering, which decides what the CANCEL is answered. */
final class CancelMatching {

    private CancelMatching() {
    }

    /**
     * 200 for a CANCEL that matches an INVITE server transaction by the rules of RFC 3261 §9.2 (those of §17.2.3,
     * the method aside), else 481: a CANCEL that matches nothing must not be told it worked.
     */
    static int status(RequestEvent event) {
        SIPTransactionStack stack = (SIPTransactionStack) ((SipProvider) event.getSource()).getSipStack();
        return stack.findCancelTransaction((SIPRequest) event.getRequest(), true) == null
                ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK;
    }
}
