package org.switchboard.sip.internal;

import org.switchboard.api.media.MediaLeg;

import java.net.InetSocketAddress;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.ClientTransaction;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.switchboard.api.media.MediaLeg;

/** Real JAIN-SIP messages parsed from text, and a provider that only hands out Call-IDs and records what is sent. */
final class SipFixture {

    static final SipFactory SIP = SipFactory.getInstance();
    static final MessageFactory MESSAGES;
    static final HeaderFactory HEADERS;
    static final AddressFactory ADDRESSES;

    static {
        SIP.setPathName("gov.nist");
        try {
            MESSAGES = SIP.createMessageFactory();
            HEADERS = SIP.createHeaderFactory();
            ADDRESSES = SIP.createAddressFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SipFixture() {
    }

    /** The appliance's messages as at 192.0.2.1:5060. */
    static SipMessages messages() {
        return messages("192.0.2.1", 5060);
    }

    static SipMessages messages(String host, int port) {
        try {
            return new SipMessages(SIP, host, port);
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request parsed from its start line and headers (CRLF added), without a body. */
    static Request request(String startLine, String... headers) {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        try {
            return MESSAGES.createRequest(text.toString());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(text.toString(), e);
        }
    }

    /** A REGISTER of {@code extension} from a phone at 198.51.100.7, with the extra headers given. */
    static Request register(String extension, String... extra) {
        List<String> headers = new ArrayList<>(List.of(
                "Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK-" + SipMessages.tag(),
                "From: <sip:" + extension + "@192.0.2.1>;tag=" + SipMessages.tag(),
                "To: <sip:" + extension + "@192.0.2.1>",
                "Call-ID: reg-" + extension + "@198.51.100.7",
                "CSeq: 1 REGISTER",
                "Max-Forwards: 70"));
        headers.addAll(List.of(extra));
        return request("REGISTER sip:192.0.2.1 SIP/2.0", headers.toArray(String[]::new));
    }

    static SipURI uri(String text) {
        try {
            return (SipURI) ADDRESSES.createURI(text);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Response response(int status, Request request) {
        try {
            return MESSAGES.createResponse(status, request);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A media leg that only tells where it takes RTP; any other use fails the test. */
    static MediaLeg localLeg(InetSocketAddress local) {
        return (MediaLeg) Proxy.newProxyInstance(MediaLeg.class.getClassLoader(), new Class<?>[] {MediaLeg.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("local")) {
                        return local;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A provider that gives out Call-IDs ("call-1", "call-2", ...) and client transactions whose requests are
     * recorded in {@code sent} when sent; every other method fails the test.
     */
    static final class Provider {
        final List<Request> sent = new ArrayList<>();
        /** Responses sent statelessly through the provider. */
        final List<Response> responses = new ArrayList<>();
        /** When set, sending fails with this. */
        javax.sip.SipException failure;
        private final AtomicInteger callIds = new AtomicInteger();
        final SipProvider provider = (SipProvider) Proxy.newProxyInstance(SipProvider.class.getClassLoader(),
                new Class<?>[] {SipProvider.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getNewCallId" -> HEADERS.createCallIdHeader("call-" + callIds.incrementAndGet());
                    case "getNewClientTransaction" -> transaction((Request) args[0]);
                    case "sendResponse" -> {
                        responses.add((Response) args[0]);
                        yield null;
                    }
                    case "toString" -> "provider";
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        ClientTransaction transaction(Request request) {
            return (ClientTransaction) Proxy.newProxyInstance(ClientTransaction.class.getClassLoader(),
                    new Class<?>[] {ClientTransaction.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getRequest" -> request;
                        case "sendRequest" -> {
                            if (failure != null) {
                                throw failure;
                            }
                            sent.add(request);
                            yield null;
                        }
                        case "toString" -> "transaction of " + request.getMethod();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        Request last() {
            return sent.get(sent.size() - 1);
        }
    }
}
