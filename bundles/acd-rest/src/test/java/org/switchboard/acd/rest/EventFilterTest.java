package org.switchboard.acd.rest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import org.junit.Test;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentState;

public class EventFilterTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final AcdEvent stateChange = new AcdEvent.AgentStateChanged(AT, "boris", AgentState.READY,
            AgentState.NOT_READY, "lunch", null);
    private final AcdEvent offer = new AcdEvent.Offered(AT, "c1", "sales", "boris");

    @Test
    public void presenceCarriesEveryAgentsStateChangesAndNothingElse() {
        EventFilter presence = new EventFilter(null, null, true);
        assertTrue(presence.accepts(stateChange));
        assertFalse("offers name customers' contacts: not for colleagues", presence.accepts(offer));
    }

    @Test
    public void queueAndAgentNarrowTheStream() {
        assertTrue(new EventFilter("sales", null, false).accepts(offer));
        assertFalse(new EventFilter("support", null, false).accepts(offer));
        assertTrue(new EventFilter(null, "boris", false).accepts(offer));
        assertFalse(new EventFilter(null, "anna", false).accepts(stateChange));
        assertTrue(new EventFilter(null, null, false).accepts(stateChange));
    }
}
