package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

import org.junit.Test;
import org.switchboard.api.media.Codec;

public class OutsideLinesTest {

    private static final Trunk CARRIER = Trunks.trunk("name", "carrier", "host", "203.0.113.10", "port", 5080,
            "username", "4930123", "password", "pw", "register", true);
    private static final Trunk PBX = Trunks.trunk("name", "pbx", "host", "198.51.100.20");

    private final List<Trunk> trunks = new ArrayList<>(List.of(CARRIER, PBX));
    private final Set<String> extensions = Set.of("2001", "500");
    private final SipFixture.Provider provider = new SipFixture.Provider();
    private final OutsideLines lines = new OutsideLines(() -> List.copyOf(trunks), extensions::contains,
            provider.provider, SipFixture.messages());

    private static Request inbound(String requestUri, String to) {
        return SipFixture.request("INVITE " + requestUri + " SIP/2.0",
                "Via: SIP/2.0/UDP 203.0.113.10:5080;branch=z9hG4bK-in", "From: <sip:79161234567@203.0.113.10>;tag=9",
                "To: " + to, "Call-ID: in-1", "CSeq: 1 INVITE", "Max-Forwards: 70");
    }

    @Test
    public void numbersGoOutThroughTheFirstTrunk() {
        assertSame(CARRIER, lines.outbound().orElseThrow());
        trunks.remove(CARRIER);
        assertSame("trunks are read as configured now", PBX, lines.outbound().orElseThrow());
        trunks.clear();
        assertEquals(Optional.empty(), lines.outbound());
    }

    @Test
    public void telephoneNumbersDialOutButExtensionsDoNot() {
        assertTrue(lines.dialsOut("79161234567"));
        assertTrue(lines.dialsOut("+4930123456"));
        assertTrue("two digits are the shortest number", lines.dialsOut("12"));
        assertTrue(lines.dialsOut("1".repeat(32)));
        assertFalse(lines.dialsOut("1".repeat(33)));
        assertFalse(lines.dialsOut("1"));
        assertFalse("an extension rings its phone", lines.dialsOut("2001"));
        assertFalse(lines.dialsOut("500"));
        assertFalse("a name is no number", lines.dialsOut("alice"));
        assertFalse(lines.dialsOut("*72"));
        assertFalse(lines.dialsOut("49 30 123"));
        assertFalse(lines.dialsOut("++4930"));
        assertFalse(lines.dialsOut(null));
    }

    @Test
    public void withoutATrunkNothingDialsOut() {
        trunks.clear();
        assertFalse(lines.dialsOut("79161234567"));
    }

    @Test
    public void theNumberDialedIsTheRequestUrisUser() {
        assertEquals("500", lines.dialedNumber(inbound("sip:500@192.0.2.1", "<sip:500@192.0.2.1>")));
        assertEquals("a trunk by address sends the number in the Request-URI", "4930555",
                lines.dialedNumber(inbound("sip:4930555@192.0.2.1", "<sip:4930777@192.0.2.1>")));
    }

    @Test
    public void aTrunkWeRegisterWithNamesTheNumberDialedInTo() {
        assertEquals("the Request-URI is our registered contact", "4930555",
                lines.dialedNumber(inbound("sip:4930123@192.0.2.1:5060", "<sip:4930555@203.0.113.10>")));
        assertEquals("no user in To: the Request-URI's user", "4930123",
                lines.dialedNumber(inbound("sip:4930123@192.0.2.1:5060", "<sip:203.0.113.10>")));
    }

    @Test
    public void aTrunkThatDoesNotRegisterIsNotAskedForTo() {
        trunks.set(0, Trunks.trunk("name", "carrier", "host", "203.0.113.10", "username", "4930123"));
        assertEquals("4930123", lines.dialedNumber(inbound("sip:4930123@192.0.2.1", "<sip:4930555@203.0.113.10>")));
    }

    @Test
    public void anInviteThroughTheTrunkOffersOurAudioAndShowsTheCallerNumberAtTheProvidersDomain() throws Exception {
        Request invite = lines.invite(CARRIER, "79161234567", SipFixture.localLeg(new InetSocketAddress("192.0.2.1", 31_000)));
        SipURI target = (SipURI) invite.getRequestURI();
        assertEquals("79161234567", target.getUser());
        assertEquals("203.0.113.10", target.getHost());
        assertEquals(5080, target.getPort());
        assertNull("UDP is the default", target.getTransportParam());
        SipURI from = (SipURI) ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI();
        assertEquals("4930123", from.getUser());
        assertEquals("as the provider knows us", "203.0.113.10", from.getHost());
        SipURI to = (SipURI) ((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress().getURI();
        assertEquals("79161234567", to.getUser());
        assertEquals("203.0.113.10", to.getHost());
        assertEquals("192.0.2.1", ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getHost());
        ContentTypeHeader type = (ContentTypeHeader) invite.getHeader(ContentTypeHeader.NAME);
        assertEquals("application/sdp", type.getContentType() + "/" + type.getContentSubType());
        SessionOffer offer = Sdp.read(new String(invite.getRawContent(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new InetSocketAddress("192.0.2.1", 31_000), offer.address());
        assertEquals(Codec.PCMU, offer.codec());
    }

    @Test
    public void aTrunkOverTcpIsReachedOverTcp() throws Exception {
        Trunk tcp = Trunks.trunk("name", "t", "host", "198.51.100.30", "transport", "tcp", "caller_number", "4930999");
        Request invite = lines.invite(tcp, "4930555", SipFixture.localLeg(new InetSocketAddress("192.0.2.1", 31_002)));
        assertEquals("tcp", ((SipURI) invite.getRequestURI()).getTransportParam());
        assertEquals(5060, ((SipURI) invite.getRequestURI()).getPort());
        assertEquals("TCP", ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport().toUpperCase());
        assertEquals("the caller number configured", "4930999",
                ((SipURI) ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser());
    }

    @Test
    public void aTrunkWithoutUserOrCallerNumberShowsTheAppliance() throws Exception {
        Request invite = lines.invite(PBX, "4930555", SipFixture.localLeg(new InetSocketAddress("192.0.2.1", 31_004)));
        SipURI from = (SipURI) ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI();
        assertEquals("switchboard", from.getUser());
        assertEquals("198.51.100.20", from.getHost());
    }
}
