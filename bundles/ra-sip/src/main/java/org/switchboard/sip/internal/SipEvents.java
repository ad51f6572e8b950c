package org.switchboard.sip.internal;

import java.util.function.Function;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SIP stack hands over (on its threads), sent where it belongs: REGISTER to the registrar, requests and
 * responses about calls to the B2BUA, a trunk's registration answers to that registration; every message marks
 * its call alive for the audit, and the end of a leg at a phone frees the phone for its next call.
 */
final class SipEvents implements SipListenerExt {

    private static final Logger LOG = LoggerFactory.getLogger(SipEvents.class);

    private final SipProvider provider;
    private final SipMessages messages;
    private final Registrar registrar;
    private final B2bua calls;
    private final CallTable table;
    private final PhoneLines phones;
    /** The registration with a trunk a message belongs to, or null. */
    private final Function<javax.sip.message.Message, TrunkRegistration> trunkRegistrations;

    SipEvents(CallContext context, Registrar registrar, B2bua calls,
            Function<javax.sip.message.Message, TrunkRegistration> trunkRegistrations) {
        this.provider = context.provider();
        this.messages = context.messages();
        this.registrar = registrar;
        this.calls = calls;
        this.table = context.calls();
        this.phones = context.phones();
        this.trunkRegistrations = trunkRegistrations;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        table.signalled(Signalling.callId(request));
        if (Request.BYE.equals(request.getMethod())) {
            phones.closed(Signalling.callId(request)); // a phone that hangs up is done with the leg
        }
        switch (request.getMethod()) {
            case Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.INFO, Request.REFER, Request.UPDATE ->
                    calls.request(event);
            case Request.REGISTER -> reply(event, registrar.register(event, Registrar.source(event)));
            case Request.OPTIONS -> reply(event, options(request));
            default -> {
                Response refused = messages.response(Response.METHOD_NOT_ALLOWED, request);
                try {
                    refused.addHeader(messages.headers.createAllowHeader(SipMessages.ALLOW));
                } catch (java.text.ParseException e) {
                    throw new IllegalStateException(e);
                }
                reply(event, refused);
            }
        }
    }

    private Response options(Request request) {
        Response ok = messages.response(Response.OK, request);
        try {
            ok.addHeader(messages.headers.createAllowHeader(SipMessages.ALLOW));
            ok.addHeader(messages.headers.createAcceptHeader("application", "sdp"));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        return ok;
    }

    private void reply(RequestEvent event, Response response) {
        try {
            ServerTransaction transaction = event.getServerTransaction();
            if (transaction == null) {
                transaction = provider.getNewServerTransaction(event.getRequest());
            }
            transaction.sendResponse(response);
        } catch (javax.sip.TransactionAlreadyExistsException e) {
            LOG.trace("Retransmitted {} absorbed", event.getRequest().getMethod());
        } catch (SipException | InvalidArgumentException e) {
            LOG.debug("Response {} to {} could not be sent: {}", response.getStatusCode(),
                    event.getRequest().getMethod(), e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        table.signalled(Signalling.callId(response));
        String method = ((javax.sip.header.CSeqHeader) response.getHeader(javax.sip.header.CSeqHeader.NAME)).getMethod();
        if (Request.BYE.equals(method) || Request.INVITE.equals(method) && response.getStatusCode() >= 300) {
            phones.closed(Signalling.callId(response)); // our BYE answered, or our INVITE refused: the leg is over
        }
        TrunkRegistration registration = trunkRegistrations.apply(event.getResponse());
        if (registration != null) {
            registration.response(event);
        } else {
            calls.response(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction() != null) {
            String method = event.getClientTransaction().getRequest().getMethod();
            if (Request.BYE.equals(method) || Request.INVITE.equals(method)) {
                phones.closed(Signalling.callId(event.getClientTransaction().getRequest()));
            }
        }
        if (!event.isServerTransaction()) {
            TrunkRegistration registration = event.getClientTransaction() == null ? null
                    : trunkRegistrations.apply(event.getClientTransaction().getRequest());
            if (registration != null) {
                registration.timeout();
            } else {
                calls.timeout(event.getClientTransaction());
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP I/O failure towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Transactions end on their own; calls keep their state in their dialogs.
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        DialogTimeoutEvent.Reason reason = event.getReason();
        if (reason == DialogTimeoutEvent.Reason.AckNotReceived || reason == DialogTimeoutEvent.Reason.AckNotSent) {
            calls.stale().dialogTimedOut(event.getDialog(), reason.name());
        } else {
            LOG.debug("Dialog {} timed out: {}", event.getDialog().getDialogId(), reason);
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // A dialog ends after BYE or a failed INVITE, both already handled.
    }
}
