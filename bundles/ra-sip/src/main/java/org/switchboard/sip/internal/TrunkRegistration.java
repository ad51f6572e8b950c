package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;

/**
 * Keeps the appliance registered with a trunk that asks for it (RFC 3261 §10), so that the provider knows where
 * to send calls: REGISTER with the trunk's credentials, refreshed before it expires, tried again a minute after a
 * failure, withdrawn (Expires: 0) when the trunk goes. Called from the stack's and the timer's threads, hence
 * synchronized; nothing here is on a call's path.
 */
final class TrunkRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkRegistration.class);
    private static final int RETRY_SECONDS = 60;

    private final Trunk trunk;
    private final SipProvider provider;
    private final SipMessages messages;
    private final AuthenticationHelper authentication;
    private final ScheduledExecutorService timers;
    private final String callId = UUID.randomUUID() + "@switchboard";
    private long cseq;
    private int requested;
    private boolean challenged;
    private boolean registered;
    private boolean stopped;
    private ScheduledFuture<?> next;

    TrunkRegistration(Trunk trunk, SipProvider provider, SipMessages messages, AuthenticationHelper authentication,
            ScheduledExecutorService timers) {
        this.trunk = trunk;
        this.provider = provider;
        this.messages = messages;
        this.authentication = authentication;
        this.timers = timers;
    }

    /** The Call-ID every REGISTER of this registration carries, to match responses to it. */
    String callId() {
        return callId;
    }

    synchronized boolean registered() {
        return registered;
    }

    synchronized void start() {
        send(trunk.registerExpires());
    }

    /** Withdraws the binding (the trunk is removed or the endpoint stops); nothing more is sent after. */
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
        if (registered) {
            send(0);
        }
    }

    synchronized void response(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) && !challenged
                && !trunk.username().isEmpty()) {
            challenged = true;
            try {
                ClientTransaction retry = authentication.handleChallenge(response, event.getClientTransaction(),
                        provider, 5);
                cseq = ((CSeqHeader) retry.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber();
                retry.sendRequest();
            } catch (SipException | RuntimeException e) {
                failed("its challenge cannot be answered: " + e.getMessage());
            }
            return;
        }
        if (status >= 300) {
            failed(status + " " + response.getReasonPhrase());
            return;
        }
        if (requested == 0) {
            registered = false;
            LOG.info("Trunk {}: registration withdrawn", trunk.name());
            return;
        }
        int granted = granted(response);
        if (!registered) {
            LOG.info("Trunk {}: registered at {}:{} for {} s", trunk.name(), trunk.host(), trunk.port(), granted);
        }
        registered = true;
        // Refreshed ahead of expiry by a fifth of it (at most a minute), so that a lost request can be repeated.
        schedule(Math.max(5, granted - Math.min(60, granted / 5)));
    }

    synchronized void timeout() {
        failed("no answer");
    }

    private void failed(String why) {
        registered = false;
        if (stopped) {
            return;
        }
        LOG.warn("Trunk {}: registration at {}:{} failed ({}); trying again in {} s", trunk.name(), trunk.host(),
                trunk.port(), why, RETRY_SECONDS);
        schedule(RETRY_SECONDS);
    }

    private void schedule(int seconds) {
        if (stopped) {
            return;
        }
        next = timers.schedule(() -> {
            synchronized (this) {
                if (!stopped) {
                    send(trunk.registerExpires());
                }
            }
        }, seconds, TimeUnit.SECONDS);
    }

    private void send(int expires) {
        requested = expires;
        challenged = false;
        try {
            SipURI registrar = messages.addresses.createSipURI(null, trunk.host() + ":" + trunk.port());
            if (!"udp".equalsIgnoreCase(trunk.transport())) {
                registrar.setTransportParam(trunk.transport());
            }
            String user = trunk.username().isEmpty() ? "switchboard" : trunk.username();
            Request register = messages.register(registrar, user, trunk.transport(), callId, ++cseq, expires);
            provider.getNewClientTransaction(register).sendRequest();
        } catch (ParseException | SipException | RuntimeException e) {
            failed("cannot send REGISTER: " + e.getMessage());
        }
    }

    /** The time the registrar granted: our contact's expires, else the Expires header, else what was asked. */
    private int granted(Response response) {
        java.util.ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.getAddress().getURI() instanceof SipURI uri && messages.isOurs(uri) && contact.getExpires() >= 0) {
                return contact.getExpires();
            }
        }
        ExpiresHeader expires = response.getExpires();
        return expires != null ? expires.getExpires() : requested;
    }
}
