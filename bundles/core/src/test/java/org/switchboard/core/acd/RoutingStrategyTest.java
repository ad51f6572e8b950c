package org.switchboard.core.acd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.switchboard.core.acd.Fixtures.agent;
import static org.switchboard.core.acd.Fixtures.call;
import static org.switchboard.core.acd.Fixtures.contact;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.Test;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.store.local.LocalContactStore;

/** Which agent each strategy chooses among several able ones. */
public class RoutingStrategyTest {

    private final TestClock clock = new TestClock();
    private final AcdEngine engine = new AcdEngine(clock, event -> { }, new Random(7), new LocalContactStore());
    private int calls;

    private void queue(RoutingStrategy strategy) {
        engine.defineQueue(QueueDefinition.named("sales").withStrategy(strategy).withWrapUp(Duration.ZERO));
    }

    /** Logs the agents in and makes them ready one second apart, in the order given. */
    private void readyInOrder(String... logins) {
        for (String login : logins) {
            engine.login(agent(login));
            engine.ready(login);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** Submits a call and answers who was offered it; the call is then handled and completed at once. */
    private String route() {
        String id = "call-" + calls++;
        engine.submit(call(id, "sales", 0, clock.instant()));
        String chosen = engine.holder(id).orElseThrow();
        engine.accept(id, chosen);
        clock.advance(Duration.ofSeconds(10));
        engine.end(id);
        clock.advance(Duration.ofSeconds(1));
        return chosen;
    }

    @Test
    public void longestIdleTakesTheAgentFreeTheLongest() {
        queue(RoutingStrategy.LONGEST_IDLE);
        readyInOrder("carl", "anna", "boris");
        assertEquals("carl", route());
        assertEquals("anna", route());
        assertEquals("boris", route());
        assertEquals("carl", route());
    }

    @Test
    public void leastOccupiedBalancesHandledContacts() {
        queue(RoutingStrategy.LEAST_OCCUPIED);
        readyInOrder("anna", "boris");
        assertEquals("anna", route());
        engine.notReady("boris", "break");
        engine.ready("boris");
        assertEquals("fewer contacts handled wins over a longer idle time", "boris", route());
    }

    @Test
    public void roundRobinRemembersWhereItStopped() {
        queue(RoutingStrategy.ROUND_ROBIN);
        readyInOrder("carl", "anna", "boris");
        assertEquals(List.of("anna", "boris", "carl", "anna"), List.of(route(), route(), route(), route()));
    }

    @Test
    public void linearAlwaysStartsFromTheTop() {
        queue(RoutingStrategy.LINEAR);
        readyInOrder("carl", "anna", "boris");
        assertEquals(List.of("anna", "anna", "anna"), List.of(route(), route(), route()));
    }

    @Test
    public void bestSkillTakesTheHighestLevel() {
        queue(RoutingStrategy.BEST_SKILL);
        engine.login(agent("anna", Map.of("returns", 4), Map.of(Channel.VOICE, 1)));
        engine.login(agent("boris", Map.of("returns", 9), Map.of(Channel.VOICE, 1)));
        engine.ready("anna");
        engine.ready("boris");
        engine.submit(contact("c1", Channel.VOICE, "sales", 0, List.of(new SkillRequirement("returns", 2)),
                clock.instant()));
        assertEquals("boris", engine.holder("c1").orElseThrow());
    }

    @Test
    public void randomReachesEveryAgent() {
        queue(RoutingStrategy.RANDOM);
        readyInOrder("anna", "boris", "carl");
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            chosen.add(route());
        }
        assertTrue(chosen.toString(), chosen.containsAll(Set.of("anna", "boris", "carl")));
    }
}
