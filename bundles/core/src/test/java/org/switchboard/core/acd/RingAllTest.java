package org.switchboard.core.acd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.switchboard.core.acd.Fixtures.agent;
import static org.switchboard.core.acd.Fixtures.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.store.local.LocalContactStore;

/** Ring-all: every able agent is offered the call, the first to accept takes it, the others stop ringing. */
public class RingAllTest {

    private final TestClock clock = new TestClock();
    private final List<AcdEvent> events = new ArrayList<>();
    private final LocalContactStore store = new LocalContactStore();
    private AcdEngine engine;

    @Before
    public void setUp() {
        engine = new AcdEngine(clock, events::add, new Random(1), store);
        engine.defineQueue(QueueDefinition.named("hotline").withStrategy(RoutingStrategy.RING_ALL));
        for (String login : List.of("anna", "boris", "vera")) {
            engine.login(agent(login));
            engine.ready(login);
        }
    }

    @Test
    public void everyAbleAgentRingsAndTheFirstToAcceptTakesTheCall() {
        engine.submit(call("c1", "hotline", 0, clock.instant()));
        assertEquals(Map.of("anna", Map.of("c1", "OFFERED"), "boris", Map.of("c1", "OFFERED"),
                "vera", Map.of("c1", "OFFERED")), engine.workByAgent());
        assertEquals(List.of("c1"), store.held("boris"));
        InteractionView ringing = engine.view("c1").orElseThrow();
        assertEquals(InteractionState.OFFERED, ringing.state());
        assertEquals(List.of("anna", "boris", "vera"), ringing.agents().stream().sorted().toList());

        engine.accept("c1", "boris");
        assertEquals(Optional.of("boris"), engine.holder("c1"));
        assertEquals(List.of("boris"), engine.view("c1").orElseThrow().agents());
        assertEquals(InteractionState.TALKING, engine.view("c1").orElseThrow().state());
        assertEquals(AgentState.READY, engine.state("anna"));
        assertEquals(AgentState.READY, engine.state("vera"));
        assertEquals(List.of(), store.held("anna"));
        assertEquals(2, events.stream().filter(AcdEvent.Withdrawn.class::isInstance).count());

        engine.submit(call("c2", "hotline", 0, clock.instant()));
        assertEquals("the busy agent does not ring", Map.of("anna", Map.of("c2", "OFFERED"),
                "boris", Map.of("c1", "TALKING"), "vera", Map.of("c2", "OFFERED")), engine.workByAgent());
    }

    @Test
    public void unansweredRingingStartsAgainWithoutMakingAnyoneNotReady() {
        engine.submit(call("c1", "hotline", 0, clock.instant()));
        clock.advance(QueueDefinition.named("x").offerTimeout());
        engine.advance();
        for (String login : List.of("anna", "boris", "vera")) {
            assertEquals(AgentState.RESERVED, engine.state(login));
        }
        assertTrue(events.stream().noneMatch(AcdEvent.Declined.class::isInstance));
    }

    @Test
    public void anAgentWhoDeclinesStopsRingingAndTheCallReturnsWhenNobodyIsLeft() {
        engine.submit(call("c1", "hotline", 0, clock.instant()));
        engine.decline("c1", "anna");
        engine.decline("c1", "boris");
        assertEquals(AgentState.NOT_READY, engine.state("anna"));
        assertEquals(List.of(), engine.waiting("hotline"));
        engine.logout("vera");
        assertEquals("back at its place once nobody rings", List.of("c1"), engine.waiting("hotline"));
    }

    @Test
    public void aCallerWhoHangsUpStopsEveryRing() {
        engine.submit(call("c1", "hotline", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(3));
        engine.abandon("c1");
        for (String login : List.of("anna", "boris", "vera")) {
            assertEquals(AgentState.READY, engine.state(login));
            assertEquals(List.of(), store.held(login));
        }
        assertTrue(store.contacts().isEmpty());
        assertEquals("hotline", ((AcdEvent.Abandoned) events.get(events.size() - 1)).queue());
    }
}
