package org.switchboard.core.acd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.switchboard.core.acd.Fixtures.agent;
import static org.switchboard.core.acd.Fixtures.call;
import static org.switchboard.core.acd.Fixtures.contact;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.OpeningHours;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.WaitEstimate;
import org.switchboard.store.local.LocalContactStore;

/** Callbacks, maximum wait, opening hours, wait estimates, and the line kept in the store for the next writer. */
public class LeavingTheLineTest {

    private final TestClock clock = new TestClock();
    private final List<AcdEvent> events = new ArrayList<>();
    private final LocalContactStore store = new LocalContactStore();
    private AcdEngine engine;

    @Before
    public void setUp() {
        engine = new AcdEngine(clock, events::add, new Random(1), store);
        engine.defineQueue(QueueDefinition.named("sales"));
    }

    @Test
    public void aCallerWhoAsksForACallbackKeepsTheirPlace() {
        engine.submit(call("c1", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        engine.submit(call("c2", "sales", 0, clock.instant()));
        engine.requestCallback("c1", "+74951234567");

        assertEquals(List.of("c1", "c2"), engine.waiting("sales"));
        AcdEvent.CallbackRequested requested = last(AcdEvent.CallbackRequested.class);
        assertEquals(Channel.CALLBACK, requested.callback().channel());
        assertEquals("+74951234567", requested.callback().customer());

        engine.login(agent("anna"));
        engine.ready("anna");
        assertEquals(Optional.of("anna"), engine.holder("c1"));
        assertEquals(Channel.CALLBACK, engine.interaction("c1").orElseThrow().channel());
        assertEquals("a callback takes the agent's voice line", List.of("c2"), engine.waiting("sales"));
    }

    @Test
    public void onlyAWaitingCallCanBecomeACallback() {
        engine.submit(contact("chat1", Channel.CHAT, "sales", 0, List.of(), clock.instant()));
        try {
            engine.requestCallback("chat1", "+7495");
            fail("a chat cannot be called back");
        } catch (AcdConflictException expected) {
            assertTrue(expected.getMessage().contains("chat"));
        }
        try {
            engine.requestCallback("nobody", "+7495");
            fail("not waiting");
        } catch (AcdConflictException expected) {
            assertTrue(expected.getMessage().contains("nobody"));
        }
    }

    @Test
    public void aContactThatWaitedTooLongGoesToTheOverflowQueueOnce() {
        engine.defineQueue(QueueDefinition.named("overflow"));
        engine.defineQueue(QueueDefinition.named("sales")
                .withMaxWait(new MaxWait(Duration.ofSeconds(60), MaxWait.Action.QUEUE, "overflow")));
        engine.submit(call("c1", "sales", 0, clock.instant()));
        assertEquals(Optional.of(clock.instant().plusSeconds(60)), engine.nextDeadline());

        clock.advance(Duration.ofSeconds(60));
        engine.advance();
        assertEquals(List.of("c1"), engine.waiting("overflow"));
        AcdEvent.Overflowed overflowed = last(AcdEvent.Overflowed.class);
        assertEquals("sales", overflowed.queue());
        assertEquals("overflow", overflowed.target());
        assertEquals(Optional.empty(), engine.nextDeadline());
    }

    @Test
    public void aCallThatWaitedTooLongIsCalledBackAtItsNumber() {
        engine.defineQueue(QueueDefinition.named("sales")
                .withMaxWait(new MaxWait(Duration.ofSeconds(30), MaxWait.Action.CALLBACK, null)));
        engine.submit(call("c1", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        engine.advance();
        assertEquals(List.of("c1"), engine.waiting("sales"));
        assertEquals(Channel.CALLBACK, engine.interaction("c1").orElseThrow().channel());
        assertEquals("+70000000000", engine.interaction("c1").orElseThrow().customer());
        assertEquals(MaxWait.Action.CALLBACK, last(AcdEvent.Overflowed.class).action());
    }

    @Test
    public void aContactThatWaitedTooLongCanLeaveForAMessage() {
        engine.defineQueue(QueueDefinition.named("sales")
                .withMaxWait(new MaxWait(Duration.ofSeconds(30), MaxWait.Action.MESSAGE, null)));
        engine.submit(call("c1", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(29));
        engine.advance();
        assertEquals(List.of("c1"), engine.waiting("sales"));
        clock.advance(Duration.ofSeconds(1));
        engine.advance();
        assertTrue(engine.waiting("sales").isEmpty());
        assertTrue("it left distribution for good", store.contacts().isEmpty());
    }

    @Test
    public void aClosedQueueRefusesOrHandsOverToItsAfterHoursQueue() {
        // The test clock stands at Monday 09:00 UTC.
        OpeningHours evenings = new OpeningHours("mon-fri 18:00-22:00", ZoneOffset.UTC, Set.of());
        engine.defineQueue(QueueDefinition.named("sales").withHours(evenings, null));
        assertFalse(engine.submit(call("c1", "sales", 0, clock.instant())));
        assertTrue(last(AcdEvent.Refused.class).reason().contains("closed"));

        engine.defineQueue(QueueDefinition.named("night"));
        engine.defineQueue(QueueDefinition.named("sales").withHours(evenings, "night"));
        assertTrue(engine.submit(call("c2", "sales", 0, clock.instant())));
        assertEquals(List.of("c2"), engine.waiting("night"));

        clock.advance(Duration.ofHours(9));
        assertTrue(engine.submit(call("c3", "sales", 0, clock.instant())));
        assertEquals(List.of("c3"), engine.waiting("sales"));
    }

    @Test
    public void theEstimateCountsPositionHandleTimeAndStaffedAgents() {
        engine.submit(call("c1", "sales", 0, clock.instant()));
        engine.submit(call("c2", "sales", 0, clock.instant()));
        assertNull("nobody staffed", engine.estimate("c2", Duration.ofSeconds(120)).orElseThrow().expectedWait());

        engine.login(agent("anna"));
        engine.ready("anna");
        engine.accept("c1", "anna");
        engine.login(agent("boris"));
        engine.notReady("boris", "lunch");
        engine.submit(call("c3", "sales", 0, clock.instant()));

        WaitEstimate estimate = engine.estimate("c3", Duration.ofSeconds(120)).orElseThrow();
        assertEquals(2, estimate.position());
        assertEquals("anna is busy but staffed; boris is at lunch", 1, estimate.staffed());
        assertEquals(Duration.ofSeconds(240), estimate.expectedWait());
        assertEquals(Optional.empty(), engine.estimate("c1", Duration.ofSeconds(120)));
    }

    @Test
    public void theNextWriterPutsEveryContactNotYetAcceptedBackAtItsPlace() {
        engine.login(agent("anna"));
        engine.ready("anna");
        engine.submit(call("c1", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        engine.submit(call("c2", "sales", 5, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        engine.submit(call("c3", "sales", 0, clock.instant()));
        engine.accept("c1", "anna");
        assertEquals(List.of("c1"), store.held("anna"));

        AcdEngine next = new AcdEngine(clock, event -> { }, new Random(2), store);
        next.defineQueue(QueueDefinition.named("sales"));
        next.login(agent("anna"));
        assertEquals("a new sign-in holds nothing", List.of(), store.held("anna"));
        next.restore(store.contacts());
        assertEquals("c1 was accepted: it is the agent's; the rest keep their order",
                List.of("c2", "c3"), next.waiting("sales"));
        next.ready("anna");
        assertEquals(Optional.of("anna"), next.holder("c2"));
        assertEquals(List.of("c2"), store.held("anna"));
        assertEquals(AgentState.RESERVED, next.state("anna"));
    }

    @Test
    public void anAgentReservedByAnotherWriterIsNotOffered() {
        engine.login(agent("anna"));
        assertTrue(store.reserve("anna", List.of(), List.of("elsewhere")));
        engine.ready("anna");
        engine.submit(call("c1", "sales", 0, clock.instant()));
        assertEquals(Optional.empty(), engine.holder("c1"));
        assertEquals(List.of("c1"), engine.waiting("sales"));
    }

    private <T extends AcdEvent> T last(Class<T> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i))) {
                return type.cast(events.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }
}
