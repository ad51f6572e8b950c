package org.switchboard.core.acd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.Test;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.acd.WideningStep;
import org.switchboard.api.store.QueuedContact;
import org.switchboard.store.local.LocalContactStore;

/**
 * Drives the engine through thousands of random interleavings of arrivals, accepts, declines, time-outs,
 * hang-ups, wrap-ups, abandons, logins, logouts, presence changes, supervisor changes of queue rules and
 * supervisor moves, drops and pulls of waiting contacts,
 * and checks after every step: no contact lost, none held by two agents, no agent with two open offers,
 * capacity never exceeded, and first come first served among equal contacts.
 */
public class RandomizedAcdTest {

    private static final int SEEDS = 25;
    private static final int STEPS = 2_000;
    private static final List<String> QUEUES = List.of("sales", "support", "chat");
    private static final List<String> SKILLS = List.of("russian", "english", "returns");

    @Test
    public void invariantsHoldUnderRandomInterleavings() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            new Run(seed).play();
        }
    }

    /** One random run with its own engine, clock and bookkeeping of what was submitted and how it ended. */
    private static final class Run {

        private final long seed;
        private final Random random;
        private final TestClock clock = new TestClock();
        private final AcdEngine engine;
        private final Map<String, Interaction> submitted = new LinkedHashMap<>();
        private final Map<String, Long> arrival = new HashMap<>();
        private final Set<String> finished = new HashSet<>();
        private final Map<String, AgentProfile> profiles = new LinkedHashMap<>();
        private final List<String> offered = new ArrayList<>();
        private final LocalContactStore store = new LocalContactStore();
        private long arrivals;
        private boolean pulling;
        private int step;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.engine = new AcdEngine(clock, this::observe, new Random(seed), store);
            for (String queue : QUEUES) {
                engine.defineQueue(randomQueue(queue));
            }
            for (int i = 0; i < 8; i++) {
                AgentProfile profile = randomAgent("agent-" + i);
                profiles.put(profile.login(), profile);
            }
        }

        void play() {
            for (step = 0; step < STEPS; step++) {
                try {
                    randomCommand();
                } catch (AcdConflictException refused) {
                    // a random command that does not fit the state is refused; the checks below still apply
                }
                checkInvariants();
            }
        }

        private void randomCommand() {
            int choice = random.nextInt(100);
            String agent = pick(new ArrayList<>(profiles.keySet()));
            if (choice < 25) {
                submit();
            } else if (choice < 40 && !offered.isEmpty()) {
                String id = offered.get(random.nextInt(offered.size()));
                offeredTo(id).ifPresent(holder -> engine.accept(id, holder));
            } else if (choice < 45 && !offered.isEmpty()) {
                String id = offered.get(random.nextInt(offered.size()));
                offeredTo(id).ifPresent(holder -> engine.decline(id, holder));
            } else if (choice < 55) {
                clock.advance(Duration.ofSeconds(random.nextInt(30)));
                engine.advance();
            } else if (choice < 63) {
                inPhase("TALKING").ifPresent(engine::end);
            } else if (choice < 70) {
                inPhase(random.nextBoolean() ? "WRAP_UP" : "TALKING")
                        .ifPresent(id -> engine.complete(id, "done", null));
            } else if (choice < 75) {
                List<String> waiting = allWaiting();
                if (!waiting.isEmpty()) {
                    engine.abandon(pick(waiting));
                }
            } else if (choice < 83) {
                if (engine.state(agent) == AgentState.LOGGED_OUT) {
                    engine.login(profiles.get(agent));
                }
                engine.ready(agent);
            } else if (choice < 88) {
                engine.notReady(agent, "break");
            } else if (choice < 93) {
                if (engine.state(agent) == AgentState.LOGGED_OUT) {
                    engine.login(profiles.get(agent));
                } else {
                    engine.logout(agent);
                }
            } else if (choice < 96) {
                engine.defineQueue(randomQueue(pick(QUEUES)));
            } else {
                superviseRandomContact(agent);
            }
        }

        /** A supervisor moves, reprioritises, drops or pulls a waiting contact. */
        private void superviseRandomContact(String agent) {
            List<String> waiting = allWaiting();
            if (waiting.isEmpty()) {
                return;
            }
            String id = pick(waiting);
            switch (random.nextInt(4)) {
                case 0 -> engine.move(id, pick(QUEUES), random.nextInt(3));
                case 1 -> engine.drop(id);
                case 2 -> engine.requestCallback(id, random.nextBoolean() ? null : "+74950000000");
                default -> {
                    pulling = true;
                    try {
                        engine.pull(id, agent);
                    } finally {
                        pulling = false;
                    }
                }
            }
        }

        private void submit() {
            String id = "c" + arrivals++;
            Channel channel = random.nextInt(3) == 0 ? Channel.CHAT : Channel.VOICE;
            List<SkillRequirement> requirements = random.nextBoolean() ? List.of()
                    : List.of(new SkillRequirement(pick(SKILLS), 1 + random.nextInt(6)));
            Interaction interaction = new Interaction(id, channel, pick(QUEUES), random.nextInt(3), requirements,
                    "shop", "customer", Map.of(), clock.instant());
            submitted.put(id, interaction);
            arrival.put(id, arrivals);
            if (random.nextInt(4) == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            if (!engine.submit(interaction)) {
                finished.add(id);
            }
        }

        private void observe(AcdEvent event) {
            if (event instanceof AcdEvent.Offered offer) {
                offered.add(offer.interactionId());
                if (!pulling) {
                    checkFirstComeFirstServed(offer);
                }
            } else if (event instanceof AcdEvent.Completed completed) {
                finished.add(completed.interactionId());
                offered.remove(completed.interactionId());
            } else if (event instanceof AcdEvent.Moved moved) {
                submitted.put(moved.interaction().id(), moved.interaction());
            } else if (event instanceof AcdEvent.Dropped dropped) {
                finished.add(dropped.interactionId());
            } else if (event instanceof AcdEvent.CallbackRequested requested) {
                submitted.put(requested.callback().id(), requested.callback());
            } else if (event instanceof AcdEvent.Overflowed overflowed) {
                if (overflowed.action() == MaxWait.Action.MESSAGE) {
                    finished.add(overflowed.interactionId());
                } else if (overflowed.action() == MaxWait.Action.QUEUE) {
                    submitted.put(overflowed.interactionId(), engine.interaction(overflowed.interactionId()).orElseThrow());
                }
            } else if (event instanceof AcdEvent.Abandoned abandoned) {
                finished.add(abandoned.interactionId());
                offered.remove(abandoned.interactionId());
            } else if (event instanceof AcdEvent.Accepted accepted) {
                offered.remove(accepted.interactionId());
            } else if (event instanceof AcdEvent.Queued queued && queued.requeued()) {
                offered.remove(queued.interaction().id());
            }
        }

        /** No contact equal to the one offered (queue, channel, priority, skills) may have arrived before it and still wait. */
        private void checkFirstComeFirstServed(AcdEvent.Offered offer) {
            Interaction chosen = submitted.get(offer.interactionId());
            for (String waitingId : engine.waiting(chosen.queue())) {
                Interaction other = submitted.get(waitingId);
                boolean equal = other.channel() == chosen.channel() && other.priority() == chosen.priority()
                        && other.requirements().equals(chosen.requirements());
                assertTrue(where() + ": " + waitingId + " arrived before " + chosen.id() + " and still waits",
                        !equal || arrival.get(waitingId) > arrival.get(chosen.id()));
            }
        }

        /** One of the agents a contact is offered to (several while a ring-all rings), if it is offered. */
        private java.util.Optional<String> offeredTo(String id) {
            List<String> agents = engine.view(id).filter(view -> view.state() == InteractionState.OFFERED)
                    .map(InteractionView::agents).orElse(List.of());
            return agents.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(pick(agents));
        }

        private void checkInvariants() {
            Map<String, Map<String, String>> work = engine.workByAgent();
            Map<String, String> holders = new HashMap<>();
            for (Map.Entry<String, Map<String, String>> agent : work.entrySet()) {
                long offers = agent.getValue().values().stream().filter("OFFERED"::equals).count();
                assertTrue(where() + ": " + agent.getKey() + " has " + offers + " open offers", offers <= 1);
                assertEquals(where() + ": the store's reservation of " + agent.getKey(),
                        agent.getValue().keySet().stream().sorted().toList(), store.held(agent.getKey()));
                Map<Channel, Integer> load = new HashMap<>();
                for (Map.Entry<String, String> item : agent.getValue().entrySet()) {
                    String id = item.getKey();
                    String previous = holders.put(id, agent.getKey());
                    // Only a ring-all offer is in several hands at once, and only while it rings.
                    assertTrue(where() + ": " + id + " held twice", previous == null
                            || ("OFFERED".equals(item.getValue()) && "OFFERED".equals(work.get(previous).get(id))));
                    load.merge(submitted.get(id).channel(), 1, Integer::sum);
                }
                AgentProfile profile = profiles.get(agent.getKey());
                load.forEach((channel, count) -> assertTrue(where() + ": capacity of " + agent.getKey() + " on "
                        + channel, count <= profile.capacity(channel)));
            }
            List<String> waiting = allWaiting();
            assertEquals(where() + ": a contact waits twice", waiting.size(), new HashSet<>(waiting).size());
            assertEquals(where() + ": free agents left with contacts they could take", List.of(), engine.missedOffers());
            Set<String> notYetAccepted = new HashSet<>(waiting);
            work.values().forEach(items -> items.forEach((id, phase) -> {
                if ("OFFERED".equals(phase)) {
                    notYetAccepted.add(id);
                }
            }));
            assertEquals(where() + ": the store keeps exactly the contacts not yet accepted", notYetAccepted,
                    store.contacts().stream().map(QueuedContact::id).collect(java.util.stream.Collectors.toSet()));
            for (String id : submitted.keySet()) {
                int places = (waiting.contains(id) ? 1 : 0) + (holders.containsKey(id) ? 1 : 0)
                        + (finished.contains(id) ? 1 : 0);
                assertEquals(where() + ": " + id + " is in " + places + " places", 1, places);
            }
        }

        private java.util.Optional<String> inPhase(String phase) {
            List<String> ids = new ArrayList<>();
            engine.workByAgent().values().forEach(items -> items.forEach((id, p) -> {
                if (p.equals(phase)) {
                    ids.add(id);
                }
            }));
            return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(pick(ids));
        }

        private List<String> allWaiting() {
            List<String> all = new ArrayList<>();
            QUEUES.forEach(queue -> all.addAll(engine.waiting(queue)));
            return all;
        }

        private QueueDefinition randomQueue(String name) {
            RoutingStrategy strategy = RoutingStrategy.values()[random.nextInt(RoutingStrategy.values().length)];
            return QueueDefinition.named(name).withStrategy(strategy).withBlending(random.nextBoolean())
                    .withWrapUp(Duration.ofSeconds(random.nextInt(3) * 10))
                    .withGroups(random.nextInt(3) == 0 ? Set.of("team-a") : Set.of())
                    .withWidening(random.nextBoolean() ? List.of() : List.of(
                            new WideningStep(Duration.ofSeconds(1 + random.nextInt(40)), 1 + random.nextInt(4),
                                    Set.of("team-b"))))
                    .withMaxWait(random.nextInt(3) > 0 ? null : new MaxWait(Duration.ofSeconds(20 + random.nextInt(60)),
                            MaxWait.Action.values()[random.nextInt(MaxWait.Action.values().length)], pick(QUEUES)));
        }

        private AgentProfile randomAgent(String login) {
            Map<String, Integer> skills = new HashMap<>();
            for (String skill : SKILLS) {
                if (random.nextBoolean()) {
                    skills.put(skill, 1 + random.nextInt(10));
                }
            }
            return new AgentProfile(login, login, "hq", Set.of(random.nextBoolean() ? "team-a" : "team-b"), skills,
                    Map.of(Channel.VOICE, 1, Channel.CHAT, 1 + random.nextInt(3)));
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private String where() {
            return "seed " + seed + " step " + step;
        }
    }
}
