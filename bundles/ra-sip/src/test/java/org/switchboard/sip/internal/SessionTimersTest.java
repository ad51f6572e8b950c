package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.Test;

public class SessionTimersTest {

    private static final SipFactory SIP = SipFactory.getInstance();

    static {
        SIP.setPathName("gov.nist");
    }

    private static Request invite(String extraHeaders) throws Exception {
        MessageFactory messages = SIP.createMessageFactory();
        return messages.createRequest("INVITE sip:100@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "From: <sip:79161234567@127.0.0.1>;tag=a\r\nTo: <sip:100@127.0.0.1>\r\n"
                + "Call-ID: c1\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:5070>\r\nMax-Forwards: 70\r\n"
                + extraHeaders + "Content-Length: 0\r\n\r\n");
    }

    @Test
    public void aCallerThatSupportsTimersRefreshesUnlessItAsksUsTo() throws Exception {
        SessionTimers.Agreement agreement = SessionTimers.negotiate(
                invite("Session-Expires: 1800\r\nSupported: 100rel, timer\r\nAllow: INVITE, ACK, BYE, UPDATE\r\n"));
        assertEquals(new SessionTimers.Agreement(1800, true, true), agreement);
        assertEquals("given up 32 s before it expires", 1768, agreement.expirySeconds());

        assertEquals(new SessionTimers.Agreement(600, false, true), SessionTimers.negotiate(
                invite("Session-Expires: 600;refresher=uas\r\nSupported: timer\r\n")));
    }

    @Test
    public void aCallerWithoutTimerSupportLeavesTheRefreshingToUs() throws Exception {
        SessionTimers.Agreement agreement = SessionTimers.negotiate(invite("x: 90\r\n"));
        assertEquals(new SessionTimers.Agreement(90, false, false), agreement);
        assertEquals("a third of a short interval", 60, agreement.expirySeconds());
        assertNull("no Session-Expires, no timer", SessionTimers.negotiate(invite("Supported: timer\r\n")));
    }

    @Test
    public void anIntervalBelowTheMinimumIsRefused() throws Exception {
        try {
            SessionTimers.negotiate(invite("Session-Expires: 60\r\nSupported: timer\r\n"));
            fail("accepted 60 s");
        } catch (SessionTimers.IntervalTooSmall e) {
            assertTrue(e.getMessage(), e.getMessage().contains("below 90"));
        }
    }

    @Test
    public void theAgreementIsWrittenIntoTheAnswer() throws Exception {
        HeaderFactory headers = SIP.createHeaderFactory();
        Request invite = invite("Session-Expires: 1800\r\nSupported: timer\r\n");
        Response ok = SIP.createMessageFactory().createResponse(200, invite);
        SessionTimers.agree(ok, SessionTimers.negotiate(invite), headers);
        assertTrue(ok.toString(), ok.toString().contains("Session-Expires: 1800;refresher=uac"));
        assertTrue(ok.toString(), ok.toString().contains("Require: timer"));
        assertTrue(SessionTimers.allows(invite("Allow: INVITE, UPDATE\r\n"), "UPDATE"));
        assertTrue(!SessionTimers.allows(invite("Allow: INVITE, BYE\r\n"), "UPDATE"));
    }
}
