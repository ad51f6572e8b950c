package org.switchboard.core.acd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.switchboard.core.acd.Fixtures.agent;
import static org.switchboard.core.acd.Fixtures.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.store.local.LocalContactStore;

/** Pickup: an offer ringing at one agent is taken by another, with nobody made not ready. */
public class PickupTest {

    private final TestClock clock = new TestClock();
    private final List<AcdEvent> events = new ArrayList<>();
    private final LocalContactStore store = new LocalContactStore();
    private AcdEngine engine;

    @Before
    public void setUp() {
        engine = new AcdEngine(clock, events::add, new Random(1), store);
        engine.defineQueue(QueueDefinition.named("sales"));
        engine.login(agent("anna"));
        engine.ready("anna");
    }

    @Test
    public void anotherAgentTakesTheRingingCallAndTheFirstStaysReady() {
        engine.submit(call("c1", "sales", 0, clock.instant()));
        engine.login(agent("boris"));
        engine.ready("boris");
        assertEquals(Map.of("anna", Map.of("c1", "OFFERED"), "boris", Map.of()), engine.workByAgent());

        engine.redirect("c1", "anna", "boris");
        assertEquals(Map.of("anna", Map.of(), "boris", Map.of("c1", "OFFERED")), engine.workByAgent());
        assertEquals(AgentState.READY, engine.state("anna"));
        assertEquals(List.of("c1"), store.held("boris"));
        assertTrue(events.stream().anyMatch(e -> e instanceof AcdEvent.Withdrawn w && w.agent().equals("anna")));
        assertTrue(events.stream().anyMatch(e -> e instanceof AcdEvent.Offered o && o.agent().equals("boris")));
        engine.accept("c1", "boris");
        assertEquals(AgentState.BUSY, engine.state("boris"));
        assertEquals(List.of(), engine.missedOffers());
    }

    @Test
    public void anAgentWhoCannotTakeItIsRefusedAndTheOfferStays() {
        engine.submit(call("c1", "sales", 0, clock.instant()));
        engine.login(agent("boris"));
        try {
            engine.redirect("c1", "anna", "boris");
            fail("boris is not ready");
        } catch (AcdConflictException expected) {
            assertEquals(Map.of("anna", Map.of("c1", "OFFERED"), "boris", Map.of()), engine.workByAgent());
        }
    }

    @Test
    public void aRingAllCallIsNotRedirected() {
        engine.defineQueue(QueueDefinition.named("hotline").withStrategy(RoutingStrategy.RING_ALL));
        engine.submit(call("c2", "hotline", 0, clock.instant()));
        engine.login(agent("boris"));
        engine.ready("boris");
        try {
            engine.redirect("c2", "anna", "boris");
            fail("ring-all");
        } catch (AcdConflictException expected) {
            assertTrue(expected.getMessage().contains("rings at every agent"));
        }
    }
}
