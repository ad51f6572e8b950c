package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.WarningHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.Test;
import org.switchboard.api.media.Codec;

public class SignallingTest {

    private static final String OFFER = "v=0\r\no=phone 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\n"
            + "t=0 0\r\nm=audio 4000 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    private final SipFixture.Provider provider = new SipFixture.Provider();
    private final Signalling sip = new Signalling(provider.provider, SipFixture.messages(), null);
    private final List<Response> answered = new ArrayList<>();
    private final ServerTransaction transaction = (ServerTransaction) Proxy.newProxyInstance(
            ServerTransaction.class.getClassLoader(), new Class<?>[] {ServerTransaction.class},
            (proxy, method, args) -> {
                if (method.getName().equals("sendResponse")) {
                    answered.add((Response) args[0]);
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private static Request invite(String transport, String body) {
        Request invite = SipFixture.request("INVITE sip:500@192.0.2.1 SIP/2.0",
                "Via: SIP/2.0/" + transport + " 198.51.100.7:5062;branch=z9hG4bK-s1",
                "From: <sip:79161234567@198.51.100.7>;tag=f1", "To: <sip:500@192.0.2.1>", "Call-ID: sig-1",
                "CSeq: 1 INVITE", "Max-Forwards: 70", "Contact: <sip:79161234567@198.51.100.7:5062>");
        if (body != null) {
            SipFixture.messages().body(invite, "application/sdp", body);
        }
        return invite;
    }

    @Test
    public void anOfferWeCanTakePartInIsRead() {
        SessionOffer offer = sip.offerOrRefuse(invite("UDP", OFFER), transaction);
        assertEquals(Codec.PCMA, offer.codec());
        assertEquals(101, offer.telephoneEventType());
        assertTrue("nothing answered yet", answered.isEmpty());
    }

    @Test
    public void anOfferWithoutG711IsRefusedWith488AndAWarningSayingWhy() {
        assertNull(sip.offerOrRefuse(invite("UDP", OFFER.replace("RTP/AVP 8 101", "RTP/AVP 18")), transaction));
        Response refusal = answered.get(0);
        assertEquals(Response.NOT_ACCEPTABLE_HERE, refusal.getStatusCode());
        WarningHeader warning = (WarningHeader) refusal.getHeader(WarningHeader.NAME);
        assertNotNull("RFC 3261 §21.4.26: 488 should say why in a Warning", warning);
        assertEquals(399, warning.getCode());
        assertEquals("switchboard", warning.getAgent());
        assertTrue(warning.getText(), warning.getText().contains("no codec in common"));
    }

    @Test
    public void anInviteWithoutBodyIsNoOffer() {
        assertNull(sip.offerOrRefuse(invite("UDP", null), transaction));
        assertEquals(Response.NOT_ACCEPTABLE_HERE, answered.get(0).getStatusCode());
        assertEquals("", Signalling.body(invite("UDP", null)));
    }

    @Test
    public void theAnswerNamesOurContactOnTheCallersTransportAndMirrorsTheDirection() {
        Request invite = invite("TCP", OFFER + "a=sendonly\r\n");
        SessionOffer offer = Sdp.read(Signalling.body(invite));
        Response ok = sip.answerWith(invite, SipFixture.localLeg(new InetSocketAddress("192.0.2.1", 30_010)), offer);
        assertEquals(Response.OK, ok.getStatusCode());
        SipURI contact = (SipURI) ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getAddress().getURI();
        assertEquals("192.0.2.1", contact.getHost());
        assertEquals("tcp", contact.getTransportParam());
        SessionOffer answer = Sdp.read(Signalling.body(ok));
        assertEquals(new InetSocketAddress("192.0.2.1", 30_010), answer.address());
        assertEquals(Codec.PCMA, answer.codec());
        assertEquals(101, answer.telephoneEventType());
        assertEquals("a hold is answered recvonly (RFC 3264 §6.1)", SessionOffer.Direction.RECVONLY,
                answer.direction());
    }

    @Test
    public void aBadRequestIsRefusedStatelesslyWithItsReasonOnOneShortLine() {
        sip.badRequest(invite("UDP", null), "Missing Contact\r\nheader " + "x".repeat(200));
        Response bad = provider.responses.get(0);
        assertEquals(Response.BAD_REQUEST, bad.getStatusCode());
        String reason = bad.getReasonPhrase();
        assertEquals(100, reason.length());
        assertTrue(reason, reason.matches("Missing Contact +header x+(\\.\\.\\.|…)?"));
        assertTrue("a reason phrase cannot span lines", !reason.contains("\n") && !reason.contains("\r"));
    }

    @Test
    public void aBadRequestWithoutReasonSaysBadRequest() {
        sip.badRequest(invite("UDP", null), null);
        assertEquals("Bad Request", provider.responses.get(0).getReasonPhrase());
    }

    @Test
    public void aWarningIsAddedToTheResponseGiven() {
        Response busy = SipFixture.messages().response(Response.SERVICE_UNAVAILABLE, invite("UDP", null));
        assertSame(busy, sip.warning(busy, "overloaded"));
        assertEquals("overloaded", ((WarningHeader) busy.getHeader(WarningHeader.NAME)).getText());
    }

    @Test
    public void aResponseThatCannotBeSentIsNoFailureOfTheCall() {
        ServerTransaction gone = (ServerTransaction) Proxy.newProxyInstance(ServerTransaction.class.getClassLoader(),
                new Class<?>[] {ServerTransaction.class}, (proxy, method, args) -> {
                    throw new javax.sip.SipException("transaction terminated");
                });
        sip.respond(gone, SipFixture.messages().response(Response.OK, invite("UDP", null)));
    }

    @Test
    public void theHeadersReadFromARequest() {
        Request invite = invite("TCP", null);
        assertEquals("sig-1", Signalling.callId(invite));
        assertEquals("79161234567", Signalling.user(invite));
        assertEquals("TCP", Signalling.transport(invite).toUpperCase());
        Request anonymous = SipFixture.request("INVITE sip:500@192.0.2.1 SIP/2.0",
                "Via: SIP/2.0/UDP 198.51.100.7;branch=z9hG4bK-s2", "From: <sip:198.51.100.7>;tag=f2",
                "To: <sip:500@192.0.2.1>", "Call-ID: sig-2", "CSeq: 1 INVITE", "Max-Forwards: 70");
        assertEquals("anonymous", Signalling.user(anonymous));
    }
}
