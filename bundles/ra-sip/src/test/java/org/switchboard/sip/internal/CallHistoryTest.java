package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

public class CallHistoryTest {

    private static final long BEGAN = 5_000_000_000L;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    public void entriesAreKeptInOrderWithTheMillisecondsSinceTheCallBegan() {
        CallHistory history = new CallHistory(BEGAN);
        assertEquals("", history.toString());
        history.note("INVITE from 79161234567", BEGAN);
        history.note("FLOW -> QUEUED", BEGAN + 1_250 * MS + 999_999);
        assertEquals("+0 ms INVITE from 79161234567; +1250 ms FLOW -> QUEUED", history.toString());
    }

    @Test
    public void onlyTheLatestEntriesAreKept() {
        CallHistory history = new CallHistory(BEGAN);
        for (int i = 0; i < 30; i++) {
            history.note("event " + i, BEGAN + i * MS);
        }
        String text = history.toString();
        assertTrue(text, text.startsWith("+6 ms event 6; "));
        assertTrue(text, text.endsWith("; +29 ms event 29"));
        assertFalse(text, text.contains("event 5;"));
        assertEquals(24, text.split("; ").length);
    }

    @Test
    public void aCallsStateChangesAreNotedOnceEach() {
        VoiceCall call = new VoiceCall("i1", "l1", "c1", "79161234567", "500", null, null, Instant.EPOCH);
        call.to(VoiceCall.State.QUEUED);
        call.to(VoiceCall.State.QUEUED);
        call.to(VoiceCall.State.RINGING_AGENT);
        String text = call.history.toString();
        assertTrue(text, text.matches("\\+\\d+ ms FLOW -> QUEUED; \\+\\d+ ms QUEUED -> RINGING_AGENT"));
    }
}
