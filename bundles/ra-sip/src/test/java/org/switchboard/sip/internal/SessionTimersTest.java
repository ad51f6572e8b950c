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

    @Test
    public void theMinimumItselfIsAccepted() throws Exception {
        assertEquals(new SessionTimers.Agreement(SessionTimers.MIN_SECONDS, true, true),
                SessionTimers.negotiate(invite("Session-Expires: 90;refresher=uac\r\nk: timer\r\n")));
    }

    @Test
    public void aCallerThatDoesNotSupportTimersCannotBeTheRefresherWhateverItSays() throws Exception {
        assertEquals("RFC 4028 §9", new SessionTimers.Agreement(1800, false, false),
                SessionTimers.negotiate(invite("Session-Expires: 1800;refresher=uac\r\n")));
    }

    @Test
    public void anAnswerToACallerWithoutTimerSupportNamesUsAsRefresherAndRequiresNothing() throws Exception {
        Request invite = invite("Session-Expires: 1800\r\n");
        Response ok = SIP.createMessageFactory().createResponse(200, invite);
        SessionTimers.agree(ok, SessionTimers.negotiate(invite), SIP.createHeaderFactory());
        assertTrue(ok.toString(), ok.toString().contains("Session-Expires: 1800;refresher=uas"));
        assertNull("§9: Require: timer only to a caller that understands it", ok.getHeader("Require"));
    }

    @Test
    public void ourRefreshKeepsTheIntervalWithUsAsRefresher() throws Exception {
        Request update = invite("");
        SessionTimers.refresh(update, new SessionTimers.Agreement(600, false, true), SIP.createHeaderFactory());
        assertTrue(update.toString(), update.toString().contains("Session-Expires: 600;refresher=uas"));
        assertTrue(SessionTimers.supports(update, "timer"));
    }

    @Test
    public void a422NamesTheShortestIntervalAccepted() throws Exception {
        Response tooSmall = SIP.createMessageFactory().createResponse(SessionTimers.INTERVAL_TOO_SMALL, invite(""));
        SessionTimers.minimum(tooSmall, SIP.createHeaderFactory());
        assertEquals(422, tooSmall.getStatusCode());
        assertTrue(tooSmall.toString(), tooSmall.toString().contains("Min-SE: 90"));
    }

    @Test
    public void optionTagsAreFoundInAnySupportedHeaderWhateverTheirCase() throws Exception {
        Request request = invite("Supported: replaces\r\nSupported: 100rel, TIMER\r\n");
        assertTrue(SessionTimers.supports(request, "timer"));
        assertTrue(SessionTimers.supports(request, "replaces"));
        assertTrue(!SessionTimers.supports(request, "path"));
        assertTrue(!SessionTimers.supports(invite(""), "timer"));
        assertTrue("a method is found whatever its case", SessionTimers.allows(invite("Allow: invite, update\r\n"),
                "UPDATE"));
        assertTrue(SessionTimers.allows(invite("Allow: INVITE\r\nAllow: UPDATE\r\n"), "UPDATE"));
        assertTrue("no Allow, no UPDATE", !SessionTimers.allows(invite(""), "UPDATE"));
    }

    @Test
    public void theSideThatDoesNotRefreshGivesUpAThirdBeforeOrThirtyTwoSecondsBefore() {
        assertEquals(60, new SessionTimers.Agreement(90, true, true).expirySeconds());
        assertEquals(64, new SessionTimers.Agreement(96, true, true).expirySeconds());
        assertEquals(68, new SessionTimers.Agreement(100, true, true).expirySeconds());
        assertEquals(3568, new SessionTimers.Agreement(3600, true, true).expirySeconds());
    }
}
