package org.switchboard.core.acd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.switchboard.core.acd.Fixtures.agent;
import static org.switchboard.core.acd.Fixtures.call;
import static org.switchboard.core.acd.Fixtures.contact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.acd.WideningStep;
import org.switchboard.store.local.LocalContactStore;

public class AcdEngineTest {

    private final TestClock clock = new TestClock();
    private final List<AcdEvent> events = new ArrayList<>();
    private AcdEngine engine;

    @Before
    public void setUp() {
        engine = new AcdEngine(clock, events::add, new Random(1), new LocalContactStore());
        engine.defineQueue(QueueDefinition.named("sales"));
    }

    @Test
    public void agentGoesThroughTheWholeCycle() {
        engine.login(agent("anna"));
        assertEquals(AgentState.NOT_READY, engine.state("anna"));
        engine.ready("anna");
        assertEquals(AgentState.READY, engine.state("anna"));

        engine.submit(call("c1", "sales", 0, clock.instant()));
        assertEquals(AgentState.RESERVED, engine.state("anna"));
        assertEquals(Optional.of("anna"), engine.holder("c1"));

        engine.accept("c1", "anna");
        assertEquals(AgentState.BUSY, engine.state("anna"));
        clock.advance(Duration.ofSeconds(90));
        engine.end("c1");
        assertEquals(AgentState.WRAP_UP, engine.state("anna"));

        engine.complete("c1", "sale", "ordered two");
        assertEquals(AgentState.READY, engine.state("anna"));
        assertEquals(Optional.empty(), engine.holder("c1"));
        AcdEvent.Completed completed = last(AcdEvent.Completed.class);
        assertEquals("sale", completed.disposition());
        assertEquals("ordered two", completed.note());
    }

    @Test
    public void everyVisibleStateChangeIsAnEvent() {
        engine.login(agent("anna"));
        engine.ready("anna");
        engine.submit(call("c1", "sales", 0, clock.instant()));
        engine.accept("c1", "anna");
        engine.end("c1");
        engine.complete("c1", null, null);

        List<AgentState> states = events.stream().filter(AcdEvent.AgentStateChanged.class::isInstance)
                .map(event -> ((AcdEvent.AgentStateChanged) event).to()).toList();
        assertEquals(List.of(AgentState.NOT_READY, AgentState.READY, AgentState.RESERVED, AgentState.BUSY,
                AgentState.WRAP_UP, AgentState.READY), states);
    }

    @Test
    public void changingTheNotReadyReasonIsAStateChangeOfItsOwn() {
        engine.login(agent("anna"));
        engine.notReady("anna", "lunch");
        AcdEvent.AgentStateChanged change = last(AcdEvent.AgentStateChanged.class);
        assertEquals(AgentState.NOT_READY, change.from());
        assertEquals(AgentState.NOT_READY, change.to());
        assertEquals("lunch", change.reason());
        assertEquals("lunch", engine.agent("anna").orElseThrow().reason());
    }

    @Test
    public void wrapUpEndsByItselfAfterTheQueuesTimeAndCanBeExtended() {
        engine.defineQueue(QueueDefinition.named("sales").withWrapUp(Duration.ofSeconds(30)));
        engine.login(agent("anna"));
        engine.ready("anna");
        engine.submit(call("c1", "sales", 0, clock.instant()));
        engine.accept("c1", "anna");
        engine.end("c1");
        engine.extendWrapUp("c1", Duration.ofSeconds(15));

        clock.advance(Duration.ofSeconds(30));
        engine.advance();
        assertEquals(AgentState.WRAP_UP, engine.state("anna"));

        clock.advance(Duration.ofSeconds(15));
        assertEquals(Optional.of(clock.instant()), engine.nextDeadline());
        engine.advance();
        assertEquals(AgentState.READY, engine.state("anna"));
    }

    @Test
    public void unansweredOfferGoesBackToItsPlaceAndTheAgentToNotReady() {
        engine.login(agent("anna"));
        engine.ready("anna");
        engine.submit(call("first", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        engine.submit(call("second", "sales", 0, clock.instant()));

        clock.advance(Duration.ofSeconds(20));
        engine.advance();

        assertEquals(AgentState.NOT_READY, engine.state("anna"));
        assertEquals("missed", last(AcdEvent.AgentStateChanged.class).reason());
        assertEquals(List.of("first", "second"), engine.waiting("sales"));
        assertTrue(last(AcdEvent.Declined.class).timedOut());
    }

    @Test
    public void declinedContactIsOfferedToTheNextAgent() {
        engine.login(agent("anna"));
        engine.login(agent("boris"));
        engine.ready("anna");
        clock.advance(Duration.ofSeconds(1));
        engine.ready("boris");
        engine.submit(call("c1", "sales", 0, clock.instant()));
        assertEquals(Optional.of("anna"), engine.holder("c1"));

        engine.decline("c1", "anna");

        assertEquals(Optional.of("boris"), engine.holder("c1"));
        assertEquals(AgentState.NOT_READY, engine.state("anna"));
    }

    @Test
    public void aContactSubmittedToOneAgentIsOfferedToThemAheadOfTheLongestIdle() {
        engine.login(agent("anna"));
        engine.login(agent("boris"));
        engine.ready("anna");
        clock.advance(Duration.ofSeconds(1));
        engine.ready("boris");
        assertTrue(engine.submitTo(call("c1", "sales", 0, clock.instant()), "boris"));
        assertEquals(Optional.of("boris"), engine.holder("c1"));

        assertTrue("boris has an offer open: the next waits for whoever is free",
                engine.submitTo(call("c2", "sales", 0, clock.instant()), "boris"));
        assertEquals(Optional.of("anna"), engine.holder("c2"));
        assertTrue(engine.submitTo(call("c3", "sales", 0, clock.instant()), "nobody"));
        assertEquals("an unknown agent: it waits its turn", List.of("c3"), engine.waiting("sales"));
    }

    @Test
    public void contactsWithinAPriorityAreServedInArrivalOrder() {
        for (int i = 0; i < 5; i++) {
            engine.submit(call("c" + i, "sales", 1, clock.instant()));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), engine.waiting("sales"));
    }

    @Test
    public void longWaitingNormalContactEventuallyBeatsAFreshVip() {
        engine.submit(call("normal", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        engine.submit(call("vip", "sales", 1, clock.instant()));
        assertEquals("a VIP arriving 30 s later still goes first (60 s per priority step)",
                List.of("vip", "normal"), engine.waiting("sales"));

        clock.advance(Duration.ofSeconds(61));
        engine.submit(call("late-vip", "sales", 1, clock.instant()));
        assertEquals("a VIP 91 s later is behind the normal contact",
                List.of("vip", "normal", "late-vip"), engine.waiting("sales"));
    }

    @Test
    public void agentOnACallIsNotOfferedAChatUnlessTheQueueBlends() {
        engine.defineQueue(QueueDefinition.named("chat"));
        engine.login(agent("anna"));
        engine.ready("anna");
        engine.submit(call("call", "sales", 0, clock.instant()));
        engine.accept("call", "anna");

        engine.submit(contact("chat-1", Channel.CHAT, "chat", 0, List.of(), clock.instant()));
        assertEquals(List.of("chat-1"), engine.waiting("chat"));

        engine.defineQueue(QueueDefinition.named("chat").withBlending(true));
        assertEquals(Optional.of("anna"), engine.holder("chat-1"));
    }

    @Test
    public void chatCapacityIsNeverExceeded() {
        engine.defineQueue(QueueDefinition.named("chat"));
        engine.login(agent("anna"));
        engine.ready("anna");
        for (int i = 0; i < 5; i++) {
            engine.submit(contact("chat-" + i, Channel.CHAT, "chat", 0, List.of(), clock.instant()));
        }
        while (engine.state("anna") == AgentState.RESERVED) {
            engine.accept(lastOffered(), "anna");
        }
        assertEquals(3, engine.workByAgent().get("anna").size());
        assertEquals(List.of("chat-3", "chat-4"), engine.waiting("chat"));
    }

    @Test
    public void requiredSkillsAndGroupsDecideWhoMayTakeAContact() {
        engine.defineQueue(QueueDefinition.named("sales").withGroups(Set.of("sales")));
        engine.login(agent("novice", Map.of("russian", 3), Map.of(Channel.VOICE, 1)));
        engine.login(Fixtures.agent("outsider"));
        engine.ready("novice");
        engine.submit(contact("c1", Channel.VOICE, "sales", 0, List.of(new SkillRequirement("russian", 4)),
                clock.instant()));
        assertEquals(Optional.empty(), engine.holder("c1"));

        engine.login(new org.switchboard.api.acd.AgentProfile("expert", "expert", "hq", Set.of("support"),
                Map.of("russian", 9), Map.of(Channel.VOICE, 1)));
        engine.ready("expert");
        assertEquals("not in a group of the queue", Optional.empty(), engine.holder("c1"));

        engine.ready("outsider");
        assertEquals(Optional.of("outsider"), engine.holder("c1"));
    }

    @Test
    public void unknownOrFullQueueRefusesTheContact() {
        engine.defineQueue(QueueDefinition.named("tiny").withMaxLength(1));
        assertFalse(engine.submit(call("c1", "nowhere", 0, clock.instant())));
        assertTrue(last(AcdEvent.Refused.class).reason().contains("unknown queue 'nowhere'"));

        assertTrue(engine.submit(call("c2", "tiny", 0, clock.instant())));
        assertFalse(engine.submit(call("c3", "tiny", 0, clock.instant())));
        assertTrue(last(AcdEvent.Refused.class).reason().contains("full"));
    }

    @Test
    public void abandonedContactLeavesTheQueueOrItsOffer() {
        engine.submit(call("waiting", "sales", 0, clock.instant()));
        engine.abandon("waiting");
        assertEquals(List.of(), engine.waiting("sales"));

        engine.login(agent("anna"));
        engine.ready("anna");
        engine.submit(call("ringing", "sales", 0, clock.instant()));
        engine.abandon("ringing");
        assertEquals(AgentState.READY, engine.state("anna"));
        assertEquals(Optional.empty(), engine.holder("ringing"));
        assertEquals("ringing", last(AcdEvent.Abandoned.class).interactionId());
    }

    @Test
    public void illegalChangesAreRefusedWithTheCurrentState() {
        engine.login(agent("anna"), "101");
        engine.ready("anna");
        engine.submit(call("c1", "sales", 0, clock.instant()));
        engine.accept("c1", "anna");

        engine.login(agent("anna"), "101");
        assertEquals("signing in again at the same phone changes nothing", AgentState.BUSY, engine.state("anna"));
        AcdConflictException twice = expect(() -> engine.login(agent("anna"), "102"));
        assertEquals(AgentState.BUSY, twice.currentState());
        assertTrue(twice.getMessage().contains("extension 101"));
        assertEquals(AgentState.BUSY, expect(() -> engine.logout("anna")).currentState());
        assertEquals(AgentState.BUSY, expect(() -> engine.accept("c1", "anna")).currentState());
        assertEquals(AgentState.LOGGED_OUT, expect(() -> engine.ready("nobody")).currentState());
    }

    @Test
    public void anExtensionAnotherAgentIsSignedInAtIsRefused() {
        engine.login(agent("anna"), "101");
        AcdConflictException taken = expect(() -> engine.login(agent("boris"), "101"));
        assertTrue(taken.getMessage(), taken.getMessage().contains("Extension 101 is taken by agent 'anna'"));
        engine.login(agent("boris"), "102");
        engine.logout("anna");
        engine.logout("boris");
        engine.login(agent("boris"), "101");
        assertEquals("free again once anna left", AgentState.NOT_READY, engine.state("boris"));
    }

    @Test
    public void logoutReturnsAnOpenOfferToTheQueue() {
        engine.login(agent("anna"));
        engine.ready("anna");
        engine.submit(call("c1", "sales", 0, clock.instant()));
        engine.logout("anna");
        assertEquals(AgentState.LOGGED_OUT, engine.state("anna"));
        assertEquals(List.of("c1"), engine.waiting("sales"));
    }

    @Test
    public void supervisorMovesReprioritisesDropsAndPullsWaitingContacts() {
        engine.defineQueue(QueueDefinition.named("support"));
        engine.submit(call("a", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        engine.submit(call("b", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        engine.submit(call("c", "support", 0, clock.instant()));

        engine.move("b", "support", 0);
        assertEquals("b keeps its earlier entry", List.of("b", "c"), engine.waiting("support"));
        engine.move("c", "support", 2);
        assertEquals(List.of("c", "b"), engine.waiting("support"));

        engine.drop("a");
        assertEquals(List.of(), engine.waiting("sales"));
        assertEquals("a", last(AcdEvent.Dropped.class).interactionId());

        engine.login(agent("anna", Map.of(), Map.of(Channel.VOICE, 1)));
        engine.login(agent("boris"));
        engine.defineQueue(QueueDefinition.named("support").withGroups(Set.of("nobody")));
        engine.ready("anna");
        engine.ready("boris");
        assertEquals(List.of("c", "b"), engine.waiting("support"));
        engine.pull("b", "anna");
        assertEquals(Optional.of("anna"), engine.holder("b"));
        assertEquals(AgentState.BUSY, expect(() -> {
            engine.accept("b", "anna");
            engine.pull("c", "anna");
        }).currentState());
    }

    @Test
    public void changedSkillsApplyAtOnce() {
        engine.login(agent("anna", Map.of("returns", 2), Map.of(Channel.VOICE, 1)));
        engine.ready("anna");
        engine.submit(contact("c1", Channel.VOICE, "sales", 0, List.of(new SkillRequirement("returns", 5)),
                clock.instant()));
        assertEquals(Optional.empty(), engine.holder("c1"));

        engine.updateAgent(agent("anna", Map.of("returns", 6), Map.of(Channel.VOICE, 1)));

        assertEquals(Optional.of("anna"), engine.holder("c1"));
    }

    @Test
    public void wideningLowersLevelsThenAddsOverflowGroupsAsTheContactWaits() {
        engine.defineQueue(QueueDefinition.named("sales").withGroups(Set.of("sales")).withWidening(List.of(
                new WideningStep(Duration.ofSeconds(30), 2, Set.of()),
                new WideningStep(Duration.ofSeconds(60), 2, Set.of("overflow")))));
        engine.login(new AgentProfile("helper", "helper", "branch", Set.of("overflow"), Map.of("returns", 9),
                Map.of(Channel.VOICE, 1)));
        engine.login(agent("junior", Map.of("returns", 3), Map.of(Channel.VOICE, 1)));
        engine.ready("helper");
        engine.submit(contact("c1", Channel.VOICE, "sales", 0, List.of(new SkillRequirement("returns", 5)),
                clock.instant()));
        assertEquals(Optional.of(clock.instant().plusSeconds(30)), engine.nextDeadline());

        engine.ready("junior");
        clock.advance(Duration.ofSeconds(29));
        engine.advance();
        assertEquals("level 3 is below 5 before widening", Optional.empty(), engine.holder("c1"));

        engine.notReady("junior", "break");
        clock.advance(Duration.ofSeconds(1));
        engine.advance();
        assertEquals("the overflow group is not reached yet", Optional.empty(), engine.holder("c1"));

        clock.advance(Duration.ofSeconds(30));
        engine.advance();
        assertEquals(Optional.of("helper"), engine.holder("c1"));
    }

    @Test
    public void widenedLevelsLetALowerSkilledAgentTakeTheContact() {
        engine.defineQueue(QueueDefinition.named("sales").withWidening(List.of(
                new WideningStep(Duration.ofSeconds(30), 2, Set.of()))));
        engine.login(agent("junior", Map.of("returns", 3), Map.of(Channel.VOICE, 1)));
        engine.ready("junior");
        engine.submit(contact("c1", Channel.VOICE, "sales", 0, List.of(new SkillRequirement("returns", 5)),
                clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        engine.advance();
        assertEquals(Optional.of("junior"), engine.holder("c1"));
    }

    private String lastOffered() {
        return last(AcdEvent.Offered.class).interactionId();
    }

    private <T extends AcdEvent> T last(Class<T> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i))) {
                return type.cast(events.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
    }

    private static AcdConflictException expect(Runnable command) {
        try {
            command.run();
        } catch (AcdConflictException expected) {
            return expected;
        }
        fail("expected the command to be refused");
        return null;
    }
}
