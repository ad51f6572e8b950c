package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds the appliance's SIP requests and responses with the JAIN-SIP factories. */
final class SipMessages {

    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REGISTER, REFER, NOTIFY, UPDATE";
    static final String USER_AGENT = "Switchboard";

    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    private final String host;
    private final int port;

    SipMessages(SipFactory factory, String host, int port) throws javax.sip.PeerUnavailableException {
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        this.host = host;
        this.port = port;
    }

    /** A response to a request, with a To tag when it ends or confirms a dialog we have not tagged yet. */
    Response response(int status, Request request) {
        try {
            Response response = messages.createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to.getTag() == null) {
                to.setTag(tag());
            }
            response.setHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("a response to a parsed request is always buildable", e);
        }
    }

    /** Sets a body with its content type ("application/sdp"). */
    void body(Message message, String type, String body) {
        try {
            String[] parts = type.split("/");
            ContentTypeHeader contentType = headers.createContentTypeHeader(parts[0], parts[1]);
            message.setContent(body, contentType);
        } catch (ParseException e) {
            throw new IllegalStateException(type, e);
        }
    }

    ContactHeader contact(String user, String transport) {
        try {
            SipURI uri = addresses.createSipURI(user, host + ":" + port);
            if (transport != null && !ListeningPoint.UDP.equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase());
            }
            return headers.createContactHeader(addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalArgumentException("user '" + user + "' cannot be put in a SIP URI", e);
        }
    }

    /** A new INVITE from {@code fromUser} (shown to the phone as the caller) to a registered contact. */
    Request invite(SipProvider provider, SipURI target, String fromUser, String fromName, String toUser,
            String transport) {
        try {
            SipURI from = addresses.createSipURI(fromUser, host);
            Address fromAddress = addresses.createAddress(from);
            if (fromName != null) {
                fromAddress.setDisplayName(fromName);
            }
            FromHeader fromHeader = headers.createFromHeader(fromAddress, tag());
            ToHeader toHeader = headers.createToHeader(addresses.createAddress(
                    addresses.createSipURI(toUser, target.getHost())), null);
            CallIdHeader callId = provider.getNewCallId();
            CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
            ViaHeader via = headers.createViaHeader(host, port, transport, null);
            MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
            Request invite = messages.createRequest((SipURI) target.clone(), Request.INVITE, callId, cseq, fromHeader,
                    toHeader, List.of(via), maxForwards);
            invite.addHeader(contact(USER_AGENT.toLowerCase(), transport));
            invite.addHeader(headers.createAllowHeader(ALLOW));
            invite.setHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            return invite;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("an INVITE to " + target + " cannot be built: " + e.getMessage(), e);
        }
    }

    /**
     * A REGISTER of {@code user} at {@code registrar} (a trunk's host and port) binding our address for
     * {@code expires} seconds (0: withdrawn), in the registration {@code callId} with sequence {@code cseq}.
     */
    Request register(SipURI registrar, String user, String transport, String callId, long cseq, int expires) {
        try {
            Address aor = addresses.createAddress(addresses.createSipURI(user, registrar.getHost()));
            Request register = messages.createRequest((SipURI) registrar.clone(), Request.REGISTER,
                    headers.createCallIdHeader(callId), headers.createCSeqHeader(cseq, Request.REGISTER),
                    headers.createFromHeader(aor, tag()), headers.createToHeader(aor, null),
                    List.of(headers.createViaHeader(host, port, transport, null)), headers.createMaxForwardsHeader(70));
            register.addHeader(contact(user, transport));
            register.addHeader(headers.createExpiresHeader(expires));
            register.setHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            return register;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("a REGISTER to " + registrar + " cannot be built: " + e.getMessage(), e);
        }
    }

    /** Whether a URI points at this endpoint (our host and port). */
    boolean isOurs(SipURI uri) {
        int uriPort = uri.getPort() < 0 ? 5060 : uri.getPort();
        return host.equalsIgnoreCase(uri.getHost()) && uriPort == port;
    }

    static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    static String user(javax.sip.address.URI uri) {
        return uri instanceof SipURI sip ? sip.getUser() : null;
    }
}
