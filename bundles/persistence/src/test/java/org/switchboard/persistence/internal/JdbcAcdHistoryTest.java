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
import org.switchboard.api.acd.InteractionSummary;

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

    @Test
    public void agentStatesSinceAnInstantStartWithTheChangeOutOfTheStateHeldThen() {
        history.onEvent(new AcdEvent.AgentStateChanged(start, "vera", AgentState.LOGGED_OUT, AgentState.READY, null));
        history.onEvent(new AcdEvent.AgentStateChanged(start.plusSeconds(60), "vera", AgentState.READY,
                AgentState.NOT_READY, "lunch"));
        history.onEvent(new AcdEvent.AgentStateChanged(start.plusSeconds(120), "vera", AgentState.NOT_READY,
                AgentState.READY, null));

        var states = history.agentStates("vera", start.plusSeconds(30), 100);

        assertEquals(List.of(AgentState.READY, AgentState.NOT_READY), states.stream().map(entry -> entry.to()).toList());
        assertEquals("ready before the instant", AgentState.READY, states.get(1).from());
        assertEquals(1, history.agentStates("vera", start.plusSeconds(120), 100).size());
    }

    @Test
    public void aCustomersInteractionsAreSummedUpNewestFirst() {
        Interaction call = new Interaction("v1", Channel.VOICE, "sales", 0, List.of(), "+74951110000", "+79161234567",
                Map.of(), start);
        history.onEvent(new AcdEvent.Queued(start, call, false));
        history.onEvent(new AcdEvent.Offered(start.plusSeconds(2), "v1", "sales", "anna"));
        history.onEvent(new AcdEvent.Declined(start.plusSeconds(5), "v1", "anna", false));
        history.onEvent(new AcdEvent.Queued(start.plusSeconds(5), call, true));
        history.onEvent(new AcdEvent.Moved(start.plusSeconds(6), inQueue(call, "vip"), "sales"));
        history.onEvent(new AcdEvent.Accepted(start.plusSeconds(8), "v1", "boris"));
        history.onEvent(new AcdEvent.Ended(start.plusSeconds(60), "v1", "boris"));
        history.onEvent(new AcdEvent.Completed(start.plusSeconds(90), "v1", "boris", "sale", "wants a call on Monday"));
        Interaction later = new Interaction("v2", Channel.VOICE, "sales", 0, List.of(), "+74951110000",
                "+79161234567", Map.of(), start.plusSeconds(3600));
        history.onEvent(new AcdEvent.Queued(start.plusSeconds(3600), later, false));
        history.onEvent(new AcdEvent.Abandoned(start.plusSeconds(3630), "v2", "sales"));
        Interaction someoneElse = new Interaction("c9", Channel.CHAT, "sales", 0, List.of(), "shop", "web-1",
                Map.of(), start.plusSeconds(7200));
        history.onEvent(new AcdEvent.Queued(start.plusSeconds(7200), someoneElse, false));

        List<InteractionSummary> past = history.customerInteractions("+79161234567", 20);

        assertEquals(List.of(
                new InteractionSummary("v2", Channel.VOICE, "sales", "+74951110000", start.plusSeconds(3600),
                        start.plusSeconds(3630), null, null, null),
                new InteractionSummary("v1", Channel.VOICE, "vip", "+74951110000", start, start.plusSeconds(60),
                        "boris", "sale", "wants a call on Monday")), past);
        assertEquals(1, history.customerInteractions("+79161234567", 1).size());
        assertEquals("still going on", null, history.customerInteractions("web-1", 20).get(0).endedAt());
    }

    @Test
    public void anIdUsedAgainAfterItsEndStartsANewSummary() {
        Interaction first = new Interaction("x1", Channel.CHAT, "sales", 0, List.of(), null, "web-7", Map.of(), start);
        history.onEvent(new AcdEvent.Queued(start, first, false));
        history.onEvent(new AcdEvent.Queued(start.plusSeconds(1), first, false));
        history.onEvent(new AcdEvent.Dropped(start.plusSeconds(2), "x1", "sales"));
        Interaction again = new Interaction("x1", Channel.CHAT, "sales", 0, List.of(), null, "web-7", Map.of(),
                start.plusSeconds(10));
        history.onEvent(new AcdEvent.Queued(start.plusSeconds(10), again, false));
        history.onEvent(new AcdEvent.CallbackRequested(start.plusSeconds(11), again, start.plusSeconds(10)));

        List<InteractionSummary> past = history.customerInteractions("web-7", 20);

        assertEquals("the same contact coming back into line is one row", 2, past.size());
        assertEquals(Channel.CALLBACK, past.get(0).channel());
        assertEquals(null, past.get(0).endedAt());
        assertEquals(start.plusSeconds(2), past.get(1).endedAt());
    }

    private static Interaction inQueue(Interaction contact, String queue) {
        return new Interaction(contact.id(), contact.channel(), queue, contact.priority(), contact.requirements(),
                contact.entryPoint(), contact.customer(), contact.attributes(), contact.createdAt());
    }
}
