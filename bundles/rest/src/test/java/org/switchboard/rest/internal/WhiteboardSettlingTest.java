package org.switchboard.rest.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class WhiteboardSettlingTest {

    private static final List<String> ENDPOINTS = List.of("http://0.0.0.0:8181/");

    @Test
    public void settlesOnceTheCountStandsStillAfterTheWhiteboardHasStarted() {
        WhiteboardSettling settling = new WhiteboardSettling(3);

        assertFalse(settling.settledAfter(1L, ENDPOINTS));
        assertFalse(settling.settledAfter(1L, ENDPOINTS));
        assertFalse(settling.settledAfter(1L, ENDPOINTS));
        assertTrue(settling.settledAfter(1L, ENDPOINTS));
    }

    @Test
    public void aStillCountDoesNotSettleWhileTheWhiteboardIsStillStarting() {
        WhiteboardSettling settling = new WhiteboardSettling(3);

        // The default application has been counted and deploys: the count stands still, the endpoints are not set.
        for (int poll = 0; poll < 50; poll++) {
            assertFalse(settling.settledAfter(1L, null));
        }
        assertFalse(settling.settledAfter(1L, List.of()));
    }

    @Test
    public void aChangeStartsTheWaitAgain() {
        WhiteboardSettling settling = new WhiteboardSettling(2);

        settling.settledAfter(1L, ENDPOINTS);
        settling.settledAfter(1L, ENDPOINTS);
        assertFalse(settling.settledAfter(2L, ENDPOINTS));
        assertFalse(settling.settledAfter(2L, ENDPOINTS));
        assertTrue(settling.settledAfter(2L, new String[] {"http://0.0.0.0:8181/"}));
    }

    @Test
    public void noCountYetIsNotSettled() {
        WhiteboardSettling settling = new WhiteboardSettling(1);

        assertFalse(settling.settledAfter(null, ENDPOINTS));
        assertFalse(settling.settledAfter(null, ENDPOINTS));
    }
}
