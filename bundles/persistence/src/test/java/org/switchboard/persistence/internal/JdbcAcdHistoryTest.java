package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.HistoryEntry;
import org.switchboard.api.acd.Interaction;

public class JdbcAcdHistoryTest {

    private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
    private JdbcAcdHistory history;

    @Before
    public void setUp() {
        SwitchboardDatabase database = TestDatabases.migrated();
        history = new JdbcAcdHistory();
        history.database = database;
    }

    @Test
    public void everyStepOfAnInteractionIsRecordedInOrder() {
        Interaction chat = new Interaction("c1", Channel.CHAT, "sales", 1, List.of(), "shop.example", "web-1",
                Map.of(), start);
        history.onEvent(new AcdEvent.Queued(start, chat, false));
        history.onEvent(new AcdEvent.Offered(start.plusSeconds(3), "c1", "sales", "anna"));
        history.onEvent(new AcdEvent.Declined(start.plusSeconds(23), "c1", "anna", true));
        history.onEvent(new AcdEvent.Queued(start.plusSeconds(23), chat, true));
        history.onEvent(new AcdEvent.Offered(start.plusSeconds(24), "c1", "sales", "boris"));
        history.onEvent(new AcdEvent.Accepted(start.plusSeconds(26), "c1", "boris"));
        history.onEvent(new AcdEvent.Ended(start.plusSeconds(300), "c1", "boris"));
        history.onEvent(new AcdEvent.Completed(start.plusSeconds(320), "c1", "boris", "sale", "paid"));

        List<HistoryEntry> steps = history.interaction("c1");

        assertEquals(List.of("QUEUED", "OFFERED", "MISSED", "REQUEUED", "OFFERED", "ACCEPTED", "ENDED", "COMPLETED"),
                steps.stream().map(HistoryEntry::event).toList());
        assertEquals("boris", steps.get(7).agent());
        assertEquals("disposition sale, note paid", steps.get(7).detail());
        assertEquals(start.plusSeconds(24), steps.get(4).at());
    }

    @Test
    public void agentStatesAreRecordedNewestFirst() {
        history.onEvent(new AcdEvent.AgentStateChanged(start, "anna", AgentState.LOGGED_OUT, AgentState.NOT_READY,
                "login"));
        history.onEvent(new AcdEvent.AgentStateChanged(start.plusSeconds(5), "anna", AgentState.NOT_READY,
                AgentState.READY, null));
        history.onEvent(new AcdEvent.AgentStateChanged(start.plusSeconds(60), "anna", AgentState.READY,
                AgentState.NOT_READY, "lunch"));

        var states = history.agentStates("anna", 2);

        assertEquals(2, states.size());
        assertEquals("lunch", states.get(0).reason());
        assertEquals(AgentState.READY, states.get(1).to());
    }
}
