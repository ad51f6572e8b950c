package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ReasonPhrasesTest {

    @Test
    public void javaObjectIdsAndLineBreaksAreLeftOut() {
        assertEquals("ID expected", ReasonPhrases.human(new char[] {'x'} + "\nID expected", "Bad Request"));
        assertEquals("INVITE sip:300@@@ SIP/2.0 : Missing host name",
                ReasonPhrases.human("INVITE sip:300@@@ SIP/2.0\n: Missing host name", "Bad Request"));
        assertEquals("bytes and names", ReasonPhrases.human("bytes " + new byte[1] + " and names " + new String[1],
                "Bad Request"));
        assertEquals("a host in the way", ReasonPhrases.human("a host " + new Object() + " in the way", "x"));
        assertEquals("a host", ReasonPhrases.human("a host gov.nist.core.Host@5e2de80c", "x"));
        assertEquals("sip:bob.smith@cafe.example stays",
                ReasonPhrases.human("sip:bob.smith@cafe.example stays", "x"));
    }

    @Test
    public void whatIsLeftIsOneLineOfPrintableTextThatFitsAQuotedWarning() {
        String text = ReasonPhrases.human("bad \"quote\" \\ tab\there\r\nnext line \u00e9\u0000", "x");
        assertEquals("bad 'quote' / tab here next line", text);
        assertEquals(ReasonPhrases.REASON_LENGTH, ReasonPhrases.human("y".repeat(500), "x").length());
        assertTrue(ReasonPhrases.human("y".repeat(500), "x").endsWith("..."));
        assertEquals(150, ReasonPhrases.human("y".repeat(150), "x", ReasonPhrases.WARNING_LENGTH).length());
    }

    @Test
    public void nothingReadableLeftGivesTheFallback() {
        assertEquals("Bad Request", ReasonPhrases.human(null, "Bad Request"));
        assertEquals("Bad Request", ReasonPhrases.human(new char[0] + "\n", "Bad Request"));
        assertEquals("Bad Request", ReasonPhrases.human(" :( ", "Bad Request"));
    }
}
