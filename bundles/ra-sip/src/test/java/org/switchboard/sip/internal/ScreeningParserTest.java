package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import org.junit.Test;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;

public class ScreeningParserTest {

    static final String INVITE = "INVITE sip:300@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "From: <sip:79160000001@127.0.0.1>;tag=a\r\nTo: <sip:300@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:x@127.0.0.1:5070>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    private static SIPMessage parse(String text) throws ParseException {
        return new ScreeningParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }

    private static RequestFault faultOf(String text) throws ParseException {
        return (RequestFault) parse(text).getApplicationData();
    }

    @Test
    public void aWellFormedRequestHasNoFault() throws Exception {
        SIPRequest request = (SIPRequest) parse(INVITE);
        assertNull(request.getApplicationData());
        assertEquals("c1", request.getCallId().getCallId());
    }

    @Test
    public void missingHeadersAreNamedAndStoodInForSoThatTheRefusalCanBeRouted() throws Exception {
        assertEquals(new RequestFault(400, "Missing Call-ID header"), faultOf(INVITE.replace("Call-ID: c1\r\n", "")));
        assertEquals(new RequestFault(400, "Missing From header"),
                faultOf(INVITE.replace("From: <sip:79160000001@127.0.0.1>;tag=a\r\n", "")));
        assertEquals(new RequestFault(400, "Missing To header"), faultOf(INVITE.replace("To: <sip:300@127.0.0.1>\r\n", "")));
        SIPRequest noCseq = (SIPRequest) parse(INVITE.replace("CSeq: 1 INVITE\r\n", "").replace("Call-ID: c1\r\n", ""));
        assertEquals(new RequestFault(400, "Missing Call-ID, CSeq headers"), noCseq.getApplicationData());
        assertEquals("the sender matches the answer by its method", "INVITE", noCseq.getCSeq().getMethod());
        assertTrue(noCseq.getCallId() != null && noCseq.getFrom() != null && noCseq.getTo() != null);
    }

    @Test
    public void anEssentialHeaderThatCannotBeReadIsNamed() throws Exception {
        assertEquals(new RequestFault(400, "Bad CSeq header"),
                faultOf(INVITE.replace("CSeq: 1 INVITE", "CSeq: many INVITE")));
        assertEquals(new RequestFault(400, "Bad From header"),
                faultOf(INVITE.replace("From: <sip:79160000001@127.0.0.1>;tag=a", "From: <sip:a@127.0.0.1")));
        SIPRequest badMaxForwards = (SIPRequest) parse(INVITE.replace("Max-Forwards: 70", "Max-Forwards: x"));
        assertNull("other headers are kept unread, as the stack does", badMaxForwards.getApplicationData());
        assertTrue(badMaxForwards.getUnrecognizedHeaders().hasNext());
    }

    @Test
    public void anyVersionButSip20Gets505() throws Exception {
        assertEquals(new RequestFault(505, "Version Not Supported (SIP/3.0)"),
                faultOf(INVITE.replace(" SIP/2.0\r\n", " SIP/3.0\r\n")));
        assertNull(faultOf(INVITE.replace(" SIP/2.0\r\n", " sip/2.0\r\n")));
        assertEquals("SIP/3.0", ScreeningParser.version("INVITE sip:a@b SIP/3.0"));
    }

    @Test
    public void whatCannotBeAnsweredOrReadIsThrownWithAHumanMessage() throws Exception {
        assertThrows(INVITE.replace("Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n", ""), "Missing Via header");
        assertThrows(INVITE.replace(" SIP/2.0\r\n", " SIP/\r\n"), "Bad request line");
        assertThrows(INVITE.replace("sip:300@127.0.0.1", "sip:300@@@"), "Bad request line");
    }

    @Test
    public void theFirstLineSkipsWhatComesBeforeIt() {
        assertEquals("INVITE sip:a SIP/2.0", ScreeningParser.firstLine("\r\nINVITE sip:a SIP/2.0\r\n".getBytes()));
        assertNull("a keep-alive", ScreeningParser.firstLine("\r\n\r\n".getBytes()));
    }

    private static void assertThrows(String request, String message) {
        try {
            parse(request);
            fail("parsed: " + request);
        } catch (ParseException e) {
            assertEquals(message, e.getMessage());
            assertFalse(e.getMessage().contains("@"));
        }
    }
}
