package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.function.Function;

import javax.sip.RequestEvent;

import gov.nist.javax.sip.RequestEventExt;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Agent phones register here (RFC 3261 §10) with digest credentials per extension. */
final class Registrar {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private final SipMessages messages;
    private final DigestAuthenticator digest;
    private final AuthThrottle throttle;
    private final Registrations registrations;
    private final Function<String, String> passwords;
    private final int maxExpires;

    Registrar(SipMessages messages, DigestAuthenticator digest, AuthThrottle throttle, Registrations registrations,
            Function<String, String> passwords, int maxExpires) {
        this.messages = messages;
        this.digest = digest;
        this.throttle = throttle;
        this.registrations = registrations;
        this.passwords = passwords;
        this.maxExpires = maxExpires;
    }

    /** Answers a REGISTER: a challenge, 403 for a refused source or wrong credentials, or 200 with the binding. */
    Response register(RequestEvent event, String source) {
        Request request = event.getRequest();
        long now = System.currentTimeMillis();
        Response refusal = authenticate(request, source, now);
        if (refusal != null) {
            return refusal;
        }
        String extension = SipMessages.user(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (!authorization.getUsername().equals(extension)) {
            LOG.warn("REGISTER from {}: user '{}' may not register extension '{}'", source,
                    authorization.getUsername(), extension);
            return messages.response(Response.FORBIDDEN, request);
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        Response ok = messages.response(Response.OK, request);
        if (contact == null) {
            // A query: answer with the current binding.
            registrations.find(extension, now).ifPresent(binding -> ok.addHeader(currentContact(binding, now)));
            return ok;
        }
        int expires = expires(request, contact);
        if (contact.isWildCard() && expires != 0) {
            // RFC 3261 §10.2.2: "*" removes every binding, and only with an expiry of 0.
            return badRequest(request, "Contact * needs Expires: 0");
        }
        if (!contact.isWildCard() && expires != 0 && !(contact.getAddress().getURI() instanceof SipURI)) {
            return badRequest(request, "a phone registers a sip: contact");
        }
        if (contact.isWildCard() || expires == 0) {
            registrations.unbind(extension);
            LOG.info("Phone {} unregistered from {}", extension, source);
            return ok;
        }
        expires = Math.min(expires, maxExpires);
        SipURI uri = (SipURI) contact.getAddress().getURI();
        registrations.bind(new Registrations.Binding(extension, uri, now + expires * 1000L, source));
        LOG.debug("Phone {} registered at {} for {} s", extension, uri, expires);
        try {
            ContactHeader answered = (ContactHeader) contact.clone();
            answered.setExpires(expires);
            ok.addHeader(answered);
            ok.addHeader(messages.headers.createExpiresHeader(expires));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return ok;
    }

    private Response badRequest(Request request, String why) {
        Response bad = messages.response(Response.BAD_REQUEST, request);
        try {
            bad.setReasonPhrase(why);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a reason phrase of our own is always valid", e);
        }
        return bad;
    }

    /** Null when the request carries valid credentials; otherwise the response that refuses it. */
    Response authenticate(Request request, String source, long now) {
        if (throttle.blocked(source, now)) {
            return messages.response(Response.FORBIDDEN, request);
        }
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (authorization == null) {
            return challenge(request, now, false);
        }
        DigestAuthenticator.Outcome outcome = digest.check(authorization, request.getMethod(), passwords, now);
        switch (outcome) {
            case ACCEPTED:
                throttle.succeeded(source);
                return null;
            case STALE:
                return challenge(request, now, true);
            default:
                LOG.warn("{} from {}: wrong credentials for '{}'", request.getMethod(), source, authorization.getUsername());
                throttle.failed(source, authorization.getUsername(), now);
                return messages.response(Response.FORBIDDEN, request);
        }
    }

    private Response challenge(Request request, long now, boolean stale) {
        Response challenge = messages.response(Response.UNAUTHORIZED, request);
        try {
            WWWAuthenticateHeader header = messages.headers.createWWWAuthenticateHeader("Digest");
            header.setRealm(digest.realm());
            header.setNonce(digest.nonce(now));
            header.setAlgorithm("MD5");
            header.setQop("auth");
            if (stale) {
                header.setParameter("stale", "true");
            }
            challenge.addHeader(header);
        } catch (ParseException e) {
            throw new IllegalStateException("a digest challenge is always buildable", e);
        }
        return challenge;
    }

    private ContactHeader currentContact(Registrations.Binding binding, long now) {
        try {
            ContactHeader contact = messages.headers.createContactHeader(messages.addresses.createAddress(binding.contact()));
            contact.setExpires((int) Math.max(0, (binding.expiresAtMillis() - now) / 1000));
            return contact;
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int expires(Request request, ContactHeader contact) {
        if (contact.getExpires() >= 0) {
            return contact.getExpires();
        }
        ExpiresHeader header = request.getExpires();
        return header != null ? header.getExpires() : 3600;
    }

    /** The address a request came from as the network saw it (a Via header can say anything). */
    static String source(RequestEvent event) {
        if (event instanceof RequestEventExt ext && ext.getRemoteIpAddress() != null) {
            return ext.getRemoteIpAddress();
        }
        ViaHeader via = (ViaHeader) event.getRequest().getHeader(ViaHeader.NAME);
        return via == null ? "unknown" : via.getHost();
    }


    /** Whether {@code extension} is a phone account, registered now or not. */
    boolean hasAccount(String extension) {
        return passwords.apply(extension) != null;
    }
}
