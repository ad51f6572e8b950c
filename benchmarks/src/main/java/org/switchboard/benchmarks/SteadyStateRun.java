package org.switchboard.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.core.acd.AcdEngine;
import org.switchboard.store.local.LocalContactStore;

/**
 * Drives the real {@link AcdEngine} through a steady flow in virtual time and times every command on the
 * calling thread: Poisson arrivals over all queues, each offer accepted at once, the conversation ended after
 * its talk time, wrap-up completed, and impatient customers abandoning. Warm-up first (simulated time to
 * fill the agents' slots, which also warms the JIT), then it measures a fixed number of decisions.
 */
final class SteadyStateRun {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    /** nextDeadline() walks every agent: timed only on every 64th command to keep the run short. */
    private static final int DEADLINE_SAMPLE_EVERY = 64;
    private static final double PRIORITY_SHARE = 0.1;

    private final Population population;
    private final ThroughputSettings settings;
    private final VirtualClock clock = new VirtualClock(START);
    private final PriorityQueue<Happening> agenda = new PriorityQueue<>();
    private final List<AcdEvent.Offered> offers = new ArrayList<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, Held> held = new HashMap<>();
    private final SlotBook slots;
    private final Popularity queueOfArrival;
    private final double arrivalsPerSecond;
    private Random arrivals;
    private Random durations;
    private AcdEngine engine;
    private CommandTimings timings = new CommandTimings();
    private StateTally state = new StateTally();
    private long nowNanos;
    private long order;
    private long arrived;
    private long abandoned;
    private long refused;
    private long commands;
    private long prefilled;
    private double warmUpSimulatedSeconds;

    SteadyStateRun(Population population, ThroughputSettings settings) {
        this.population = population;
        this.settings = settings;
        this.slots = new SlotBook(population.agents());
        this.queueOfArrival = new Popularity(population.queues().stream()
                .mapToDouble(QueueProfile::arrivalsPerSecondAtFullLoad).toArray());
        this.arrivalsPerSecond = population.arrivalsPerSecond(settings.load());
    }

    /** Signs every agent in, warms up, measures; call once. */
    ThroughputResult run() {
        if (engine != null) {
            throw new IllegalStateException("a run runs once");
        }
        Random master = new Random(settings.seed());
        arrivals = new Random(master.nextLong());
        durations = new Random(master.nextLong());
        // The single-node store, as the appliance runs by default: its write-through is part of each command's cost.
        engine = new AcdEngine(clock, this::heard, new Random(master.nextLong()), new LocalContactStore());
        population.queues().forEach(queue -> engine.defineQueue(queue.definition()));
        for (AgentProfile agent : population.agents()) {
            engine.login(agent);
            engine.ready(agent.login());
        }
        long warmUpCap = System.nanoTime() + ContactTimes.seconds(settings.maxWarmUpWallSeconds());
        prefill(warmUpCap);
        schedule(nowNanos + nextArrivalGap(), Kind.ARRIVAL, null);
        long warmUpNanos = ContactTimes.seconds(settings.warmUpSeconds());
        while (nowNanos < warmUpNanos && System.nanoTime() < warmUpCap) {
            step();
        }
        warmUpSimulatedSeconds = nowNanos / 1e9;
        // Fresh books: the warm-up's commands (cold JIT, empty slots) are not part of the figures.
        timings = new CommandTimings();
        state = new StateTally();
        long arrivedBefore = arrived;
        long abandonedBefore = abandoned;
        long refusedBefore = refused;
        long simulatedBefore = nowNanos;
        long began = System.nanoTime();
        long cap = began + ContactTimes.seconds(settings.maxMeasureSeconds());
        while (timings.decisionCount() < settings.decisions() && System.nanoTime() < cap) {
            step();
        }
        long wall = System.nanoTime() - began;
        return new ThroughputResult(settings, timings, state, wall, (nowNanos - simulatedBefore) / 1e9,
                arrived - arrivedBefore, abandoned - abandonedBefore, refused - refusedBefore, population.slots(),
                prefilled, warmUpSimulatedSeconds);
    }

    /**
     * Starts at steady occupancy instead of from idle, which would take simulated hours of expensive commands:
     * each queue gets at t=0 the contacts it would have in hand at its load, one at a time in random order
     * across queues, until one of them has to wait (the queue's agents are saturated). That one is withdrawn,
     * so the line stays empty and filling stays cheap; lines then form in the warm-up. Talk times are
     * exponential, so contacts started together are as far through their talk as any others.
     */
    private void prefill(long capNanos) {
        List<Integer> draws = new ArrayList<>();
        for (int q = 0; q < population.queues().size(); q++) {
            QueueProfile queue = population.queues().get(q);
            long inHand = Math.round(settings.load() * queue.arrivalsPerSecondAtFullLoad()
                    * ContactTimes.of(queue.channel()).slotSeconds());
            for (long i = 0; i < inHand; i++) {
                draws.add(q);
            }
        }
        Collections.shuffle(draws, arrivals);
        Set<Integer> saturated = new HashSet<>();
        for (int queueIndex : draws) {
            if (System.nanoTime() >= capNanos) {
                break;
            }
            if (saturated.contains(queueIndex)) {
                continue;
            }
            String id = submit(queueIndex);
            acceptOffers();
            if (id != null && waiting.remove(id) != null) {
                engine.abandon(id);
                saturated.add(queueIndex);
            }
        }
        prefilled = slots.busySlots();
    }

    private void step() {
        Happening next = agenda.remove();
        nowNanos = next.atNanos();
        clock.set(START.plusNanos(nowNanos));
        switch (next.kind()) {
            case ARRIVAL -> arrive();
            case ABANDON -> abandon(next.interactionId());
            case END -> end(next.interactionId());
            case COMPLETE -> complete(next.interactionId());
        }
        acceptOffers();
    }

    /** The engine's listener: only notes offers; the driver acts on them once the command has returned. */
    private void heard(AcdEvent event) {
        if (event instanceof AcdEvent.Offered offered) {
            offers.add(offered);
        }
    }

    private void arrive() {
        submit(queueOfArrival.draw(arrivals));
        schedule(nowNanos + nextArrivalGap(), Kind.ARRIVAL, null);
    }

    /** Submits a new contact to a queue and schedules its abandon; answers its id, or null when refused. */
    private String submit(int queueIndex) {
        QueueProfile queue = population.queues().get(queueIndex);
        int priority = arrivals.nextDouble() < PRIORITY_SHARE ? 1 + arrivals.nextInt(3) : 0;
        String id = "c-" + arrived++;
        Interaction interaction = new Interaction(id, queue.channel(), queue.name(), priority, queue.requirements(),
                "entry", "customer", Map.of(), clock.instant());
        waiting.put(id, queueIndex);
        int offersBefore = beforeCommand();
        long began = System.nanoTime();
        boolean queued = engine.submit(interaction);
        afterCommand(EngineCommand.SUBMIT, began, offersBefore);
        if (queued) {
            long patience = ContactTimes.of(queue.channel()).patienceNanos(durations);
            schedule(nowNanos + patience, Kind.ABANDON, id);
            return id;
        }
        waiting.remove(id);
        refused++;
        return null;
    }

    /** The customer's patience ran out; a contact already offered (and so accepted) is not abandoned. */
    private void abandon(String id) {
        if (!waiting.containsKey(id)) {
            return;
        }
        waiting.remove(id);
        abandoned++;
        int offersBefore = beforeCommand();
        long began = System.nanoTime();
        engine.abandon(id);
        afterCommand(EngineCommand.ABANDON, began, offersBefore);
    }

    private void end(String id) {
        Held contact = held.get(id);
        int offersBefore = beforeCommand();
        long began = System.nanoTime();
        engine.end(id);
        afterCommand(EngineCommand.END, began, offersBefore);
        long wrapUp = ContactTimes.of(contact.channel()).wrapUpNanos(durations);
        schedule(nowNanos + wrapUp, Kind.COMPLETE, id);
    }

    private void complete(String id) {
        Held contact = held.remove(id);
        slots.release(contact.agent(), contact.channel());
        int offersBefore = beforeCommand();
        long began = System.nanoTime();
        engine.complete(id, null, null);
        afterCommand(EngineCommand.COMPLETE, began, offersBefore);
    }

    /** Accepts every offer at the same virtual instant; an accept can free a multi-slot agent for another offer. */
    private void acceptOffers() {
        while (!offers.isEmpty()) {
            List<AcdEvent.Offered> batch = new ArrayList<>(offers);
            offers.clear();
            for (AcdEvent.Offered offer : batch) {
                Integer queueIndex = waiting.remove(offer.interactionId());
                if (queueIndex == null) {
                    throw new IllegalStateException("offer of a contact that is not waiting: " + offer);
                }
                Channel channel = population.queues().get(queueIndex).channel();
                slots.take(offer.agent(), channel);
                held.put(offer.interactionId(), new Held(offer.agent(), channel));
                int offersBefore = beforeCommand();
                long began = System.nanoTime();
                engine.accept(offer.interactionId(), offer.agent());
                afterCommand(EngineCommand.ACCEPT, began, offersBefore);
                long talk = ContactTimes.of(channel).talkNanos(durations);
                schedule(nowNanos + talk, Kind.END, offer.interactionId());
            }
        }
    }

    private int beforeCommand() {
        state.add(waiting.size(), slots.freeAgents(), slots.busySlots());
        return offers.size();
    }

    private void afterCommand(EngineCommand command, long began, int offersBefore) {
        long took = System.nanoTime() - began;
        timings.record(command, took, offers.size() - offersBefore);
        if (++commands % DEADLINE_SAMPLE_EVERY == 0) {
            long deadlineBegan = System.nanoTime();
            engine.nextDeadline();
            timings.recordNextDeadline(System.nanoTime() - deadlineBegan);
        }
    }

    private long nextArrivalGap() {
        return ContactTimes.exponentialNanos(arrivals, 1.0 / arrivalsPerSecond);
    }

    private void schedule(long atNanos, Kind kind, String interactionId) {
        agenda.add(new Happening(atNanos, order++, kind, interactionId));
    }

    /** What the agenda holds. */
    private enum Kind { ARRIVAL, ABANDON, END, COMPLETE }

    /** Something due at a virtual time in nanoseconds; ties in the order they were scheduled. */
    private record Happening(long atNanos, long order, Kind kind, String interactionId)
            implements Comparable<Happening> {
        @Override
        public int compareTo(Happening other) {
            int byTime = Long.compare(atNanos, other.atNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** A contact in an agent's hands: who holds it and on which channel. */
    private record Held(String agent, Channel channel) {
    }
}
