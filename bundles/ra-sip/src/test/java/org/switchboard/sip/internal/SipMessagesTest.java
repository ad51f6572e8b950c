package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;

import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.Test;

public class SipMessagesTest {

    private final SipMessages messages = SipFixture.messages();

    private static Request invite(String toTag) {
        return SipFixture.request("INVITE sip:500@192.0.2.1 SIP/2.0",
                "Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK-abc",
                "From: \"Alice\" <sip:alice@198.51.100.7>;tag=from-1",
                "To: <sip:500@192.0.2.1>" + (toTag == null ? "" : ";tag=" + toTag),
                "Call-ID: inv-1@198.51.100.7", "CSeq: 4711 INVITE", "Max-Forwards: 70",
                "Contact: <sip:alice@198.51.100.7:5062>");
    }

    @Test
    public void aFinalResponseTagsToSoThatThePeerCanMatchTheDialog() {
        Response ok = messages.response(Response.OK, invite(null));
        String tag = ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag();
        assertNotNull("RFC 3261 §8.2.6.2: a UAS adds a To tag to its responses", tag);
        assertTrue(tag, tag.matches("[0-9a-f]+"));
        Response ringing = messages.response(Response.RINGING, invite(null));
        assertNotNull(((ToHeader) ringing.getHeader(ToHeader.NAME)).getTag());
    }

    @Test
    public void aHundredTryingCarriesNoToTag() {
        Response trying = messages.response(Response.TRYING, invite(null));
        assertNull("100 Trying creates no dialog", ((ToHeader) trying.getHeader(ToHeader.NAME)).getTag());
    }

    @Test
    public void theTagOfAnExistingDialogIsKept() {
        Response ok = messages.response(Response.OK, invite("ours-1"));
        assertEquals("a request inside a dialog keeps the dialog's tag", "ours-1",
                ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag());
    }

    @Test
    public void aResponseMirrorsTheRequestAndNamesTheUserAgent() {
        Request invite = invite(null);
        Response busy = messages.response(Response.BUSY_HERE, invite);
        assertEquals(486, busy.getStatusCode());
        assertEquals("inv-1@198.51.100.7", ((CallIdHeader) busy.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) busy.getHeader(CSeqHeader.NAME);
        assertEquals(4711, cseq.getSeqNumber());
        assertEquals(Request.INVITE, cseq.getMethod());
        assertEquals("z9hG4bK-abc", ((ViaHeader) busy.getHeader(ViaHeader.NAME)).getBranch());
        assertEquals("from-1", ((FromHeader) busy.getHeader(FromHeader.NAME)).getTag());
        UserAgentHeader agent = (UserAgentHeader) busy.getHeader(UserAgentHeader.NAME);
        assertTrue(agent.toString(), agent.toString().contains(SipMessages.USER_AGENT));
    }

    @Test
    public void twoResponsesToDifferentRequestsGetDifferentTags() {
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            tags.add(((ToHeader) messages.response(Response.OK, invite(null)).getHeader(ToHeader.NAME)).getTag());
        }
        assertEquals("tags must be globally unique (RFC 3261 §19.3)", 50, tags.size());
    }

    @Test
    public void aBodyIsSetWithItsContentTypeAndLength() throws Exception {
        Response ok = messages.response(Response.OK, invite(null));
        String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n";
        messages.body(ok, "application/sdp", sdp);
        ContentTypeHeader type = (ContentTypeHeader) ok.getHeader(ContentTypeHeader.NAME);
        assertEquals("application", type.getContentType());
        assertEquals("sdp", type.getContentSubType());
        assertEquals(sdp, new String(ok.getRawContent(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(sdp.length(), ok.getContentLength().getContentLength());
    }

    @Test
    public void aContactNamesOurAddressAndATransportOtherThanUdp() {
        SipURI udp = (SipURI) messages.contact("2001", "udp").getAddress().getURI();
        assertEquals("2001", udp.getUser());
        assertEquals("192.0.2.1", udp.getHost());
        assertEquals(5060, udp.getPort());
        assertNull("UDP is the default and not named", udp.getTransportParam());
        assertNull(((SipURI) messages.contact("2001", null).getAddress().getURI()).getTransportParam());
        SipURI tcp = (SipURI) messages.contact("2001", "TCP").getAddress().getURI();
        assertEquals("tcp", tcp.getTransportParam());
    }

    @Test
    public void anInviteToAPhoneCarriesEverythingRfc3261Requires() throws Exception {
        SipFixture.Provider provider = new SipFixture.Provider();
        SipURI target = SipFixture.uri("sip:2001@198.51.100.7:5062");
        Request invite = messages.invite(provider.provider, target, "79161234567", "Customer", "2001", "udp");

        assertEquals(Request.INVITE, invite.getMethod());
        assertEquals("sent to the phone's registered contact", target.toString(), invite.getRequestURI().toString());
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        assertEquals("the caller's number is shown", "79161234567", ((SipURI) from.getAddress().getURI()).getUser());
        assertEquals("192.0.2.1", ((SipURI) from.getAddress().getURI()).getHost());
        assertEquals("Customer", from.getAddress().getDisplayName());
        assertNotNull("a UAC tags From (§8.1.1.3)", from.getTag());
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        assertNull("no To tag outside a dialog", to.getTag());
        assertEquals("2001", ((SipURI) to.getAddress().getURI()).getUser());
        assertEquals("198.51.100.7", ((SipURI) to.getAddress().getURI()).getHost());
        assertEquals("call-1", ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) invite.getHeader(CSeqHeader.NAME);
        assertEquals(1, cseq.getSeqNumber());
        assertEquals(Request.INVITE, cseq.getMethod());
        ViaHeader via = (ViaHeader) invite.getHeader(ViaHeader.NAME);
        assertEquals("192.0.2.1", via.getHost());
        assertEquals(5060, via.getPort());
        assertEquals("UDP", via.getTransport().toUpperCase());
        assertEquals(70, ((MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
        SipURI contact = (SipURI) ((ContactHeader) invite.getHeader(ContactHeader.NAME)).getAddress().getURI();
        assertEquals("192.0.2.1", contact.getHost());
        assertEquals(5060, contact.getPort());
        assertEquals(SipMessages.ALLOW, ((AllowHeader) invite.getHeader(AllowHeader.NAME)).getMethod());
        assertNotNull(invite.getHeader(UserAgentHeader.NAME));
    }

    @Test
    public void anInviteWithoutANameShowsTheNumberOnlyAndLeavesTheTargetAlone() throws Exception {
        SipFixture.Provider provider = new SipFixture.Provider();
        SipURI target = SipFixture.uri("sip:2001@198.51.100.7:5062");
        Request invite = messages.invite(provider.provider, target, "switchboard", null, "2001", "tcp");
        assertNull(((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getDisplayName());
        ((SipURI) invite.getRequestURI()).setUser("changed");
        assertEquals("the registered contact is not changed by a request sent to it", "2001", target.getUser());
        assertEquals("tcp", ((SipURI) ((ContactHeader) invite.getHeader(ContactHeader.NAME)).getAddress().getURI())
                .getTransportParam());
        assertEquals("TCP", ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport().toUpperCase());
        Request second = messages.invite(provider.provider, target, "switchboard", null, "2001", "tcp");
        assertNotEquals("each INVITE is a new call", ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(),
                ((CallIdHeader) second.getHeader(CallIdHeader.NAME)).getCallId());
        assertNotEquals(((FromHeader) invite.getHeader(FromHeader.NAME)).getTag(),
                ((FromHeader) second.getHeader(FromHeader.NAME)).getTag());
    }

    @Test
    public void aRegisterBindsOurContactForTheAddressOfRecordAtTheRegistrar() {
        SipURI registrar = SipFixture.uri("sip:trunk.example.net:5080");
        Request register = messages.register(registrar, "4930123", "udp", "reg-1@switchboard", 7, 3600);
        assertEquals(Request.REGISTER, register.getMethod());
        assertEquals(registrar.toString(), register.getRequestURI().toString());
        FromHeader from = (FromHeader) register.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) register.getHeader(ToHeader.NAME);
        assertEquals("§10.2: To and From are the address of record", "sip:4930123@trunk.example.net",
                to.getAddress().getURI().toString());
        assertEquals(to.getAddress().getURI().toString(), from.getAddress().getURI().toString());
        assertNotNull(from.getTag());
        assertNull(to.getTag());
        assertEquals("reg-1@switchboard", ((CallIdHeader) register.getHeader(CallIdHeader.NAME)).getCallId());
        assertEquals(7, ((CSeqHeader) register.getHeader(CSeqHeader.NAME)).getSeqNumber());
        assertEquals(Request.REGISTER, ((CSeqHeader) register.getHeader(CSeqHeader.NAME)).getMethod());
        SipURI contact = (SipURI) ((ContactHeader) register.getHeader(ContactHeader.NAME)).getAddress().getURI();
        assertEquals("4930123", contact.getUser());
        assertEquals("192.0.2.1", contact.getHost());
        assertEquals(3600, ((ExpiresHeader) register.getHeader(ExpiresHeader.NAME)).getExpires());
    }

    @Test
    public void aWithdrawingRegisterAsksForZeroSeconds() {
        Request register = messages.register(SipFixture.uri("sip:trunk.example.net"), "4930123", "tcp",
                "reg-1@switchboard", 8, 0);
        assertEquals(0, ((ExpiresHeader) register.getHeader(ExpiresHeader.NAME)).getExpires());
        assertEquals("tcp", ((SipURI) ((ContactHeader) register.getHeader(ContactHeader.NAME)).getAddress().getURI())
                .getTransportParam());
    }

    @Test
    public void onlyOurHostAndPortAreOurs() {
        assertTrue(messages.isOurs(SipFixture.uri("sip:4930123@192.0.2.1:5060")));
        assertTrue("no port is 5060", messages.isOurs(SipFixture.uri("sip:4930123@192.0.2.1")));
        assertFalse(messages.isOurs(SipFixture.uri("sip:4930123@192.0.2.1:5070")));
        assertFalse(messages.isOurs(SipFixture.uri("sip:4930123@192.0.2.2")));
        SipMessages elsewhere = SipFixture.messages("Switchboard.example.com", 5070);
        assertTrue("host names are case-insensitive",
                elsewhere.isOurs(SipFixture.uri("sip:x@switchboard.example.com:5070")));
        assertFalse("a port of 5070 is not the default", elsewhere.isOurs(SipFixture.uri("sip:x@switchboard.example.com")));
    }

    @Test
    public void theUserOfAUriIsThatOfASipUriOnly() throws Exception {
        assertEquals("2001", SipMessages.user(SipFixture.uri("sip:2001@192.0.2.1")));
        assertNull(SipMessages.user(SipFixture.uri("sip:192.0.2.1")));
        assertNull("a tel: URI has no SIP user", SipMessages.user(SipFixture.ADDRESSES.createURI("tel:+4930123")));
    }
}
