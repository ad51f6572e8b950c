package org.switchboard.sip.internal;

import java.util.Iterator;

import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Refuses the requests {@link ScreeningParser} found a {@link RequestFault} in, statelessly and before the stack
 * makes a transaction of them or the endpoint sees them; never an ACK, which is not answered (RFC 3261 §17.2.3).
 */
final class FaultAnswering implements SIPMessageValve {

    private static final Logger LOG = LoggerFactory.getLogger(FaultAnswering.class);

    private final SipStack stack;

    private FaultAnswering(SipStack stack) {
        this.stack = stack;
    }

    /** Screens the requests of a JAIN-SIP stack; to be called before its listening points are made. */
    static void install(SipStack stack) {
        SIPTransactionStack nist = (SIPTransactionStack) stack;
        nist.setMessageParserFactory(ignored -> new ScreeningParser());
        nist.sipMessageValves.add(new FaultAnswering(stack));
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        if (!(request.getApplicationData() instanceof RequestFault fault)) {
            return true;
        }
        LOG.debug("{} from {} refused: {} {}", request.getMethod(), channel.getPeerAddress(), fault.status(),
                fault.reason());
        if (!Request.ACK.equals(request.getMethod())) {
            answer(request, fault);
        }
        return false;
    }

    private void answer(SIPRequest request, RequestFault fault) {
        SIPResponse response = request.createResponse(fault.status(), fault.reason());
        try {
            if (response.getTo().getTag() == null) {
                response.getTo().setTag(SipMessages.tag());
            }
            Iterator<?> providers = stack.getSipProviders();
            if (providers.hasNext()) {
                // The provider routes the answer as RFC 3261 §18.2.2 and RFC 3581 say (received, rport).
                ((SipProvider) providers.next()).sendResponse(response);
            }
        } catch (SipException | java.text.ParseException | RuntimeException e) {
            LOG.debug("{} could not be sent: {}", fault.status(), e.toString());
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // Made with its stack by install.
    }

    @Override
    public void destroy() {
        // Holds nothing of its own.
    }
}
