package org.switchboard.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.core.acd.AcdEngine;
import org.switchboard.store.local.LocalContactStore;

/** Discrete-event simulation in virtual time of one M/M/N queue routed by the real {@link AcdEngine}. */
public final class CallCenterSimulation {

    /** Share of the simulated time, at the start, whose calls are not measured. */
    public static final double WARM_UP_FRACTION = 0.10;

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final String QUEUE = "sales";

    private final Scenario scenario;
    private final long measuredCalls;
    private final long seed;

    private final VirtualClock clock = new VirtualClock(START);
    private final PriorityQueue<Happening> agenda = new PriorityQueue<>();
    private final List<AcdEvent.Offered> offers = new ArrayList<>();
    private final Map<String, Call> waiting = new HashMap<>();
    private final Map<String, String> inService = new HashMap<>();
    private final RoutingAudit audit;
    private final WaitStatistics statistics;
    private Random arrivals;
    private Random handleTimes;
    private AcdEngine engine;
    private long nowNanos;
    private long order;
    private long callsArrived;
    private long measuredArrived;
    private long measuredDone;
    private long refused;
    private long firstMeasuredArrival = -1;
    private long lastMeasuredArrival;
    private double measuredHandleSeconds;
    private long engineCommands;
    private long engineNanos;

    public CallCenterSimulation(Scenario scenario, long measuredCalls, long seed) {
        if (measuredCalls < 1) {
            throw new IllegalArgumentException("measure at least one call");
        }
        this.scenario = scenario;
        this.measuredCalls = measuredCalls;
        this.seed = seed;
        this.audit = new RoutingAudit(scenario.agents());
        this.statistics = new WaitStatistics(scenario.targetSeconds(), measuredCalls);
    }

    /** Runs the warm-up and then until every measured call has been answered; call once. */
    public SimulationResult run() {
        if (engine != null) {
            throw new IllegalStateException("a simulation runs once");
        }
        long began = System.nanoTime();
        Random master = new Random(seed);
        arrivals = new Random(master.nextLong());
        handleTimes = new Random(master.nextLong());
        engine = new AcdEngine(clock, this::heard, new Random(master.nextLong()), new LocalContactStore());
        engine.defineQueue(QueueDefinition.named(QUEUE).withWrapUp(Duration.ZERO));
        for (int i = 1; i <= scenario.agents(); i++) {
            String login = String.format("agent-%04d", i);
            engine.login(new AgentProfile(login, "Agent " + i, "sim", Set.of(), Map.of(), Map.of(Channel.VOICE, 1)));
            engine.ready(login);
        }
        takeOffers();
        long warmUpNanos = seconds(WARM_UP_FRACTION / (1 - WARM_UP_FRACTION) * measuredCalls
                / scenario.arrivalsPerSecond());
        schedule(nextArrivalGap(), null);
        while (measuredDone < measuredCalls) {
            Happening next = agenda.remove();
            nowNanos = next.atNanos();
            clock.set(START.plusNanos(nowNanos));
            if (next.interactionId() == null) {
                arrive(nowNanos >= warmUpNanos);
            } else {
                finish(next.interactionId());
            }
            takeOffers();
            audit.settled();
        }
        long wallMillis = (System.nanoTime() - began) / 1_000_000;
        return new SimulationResult(scenario, seed, statistics.calls(), callsArrived, statistics.serviceLevel(),
                statistics.serviceLevelStandardError(), statistics.averageSpeedOfAnswer(),
                statistics.probabilityOfWait(), statistics.maxWaitSeconds(), audit.maxWaiting(), realizedTraffic(),
                nowNanos / 3.6e12, wallMillis, engineCommands, engineNanos, refused, audit.idleWhileWaiting(),
                audit.outOfOrderOffers(), audit.doubleBookings());
    }

    /** Measured arrival rate times measured mean handle time; the nominal traffic if too few calls to tell. */
    private double realizedTraffic() {
        long answered = statistics.calls();
        if (measuredArrived < 2 || answered < 1 || lastMeasuredArrival == firstMeasuredArrival) {
            return scenario.trafficErlangs();
        }
        double rate = (measuredArrived - 1) / ((lastMeasuredArrival - firstMeasuredArrival) / 1e9);
        return rate * measuredHandleSeconds / answered;
    }

    /** The engine's listener: only notes offers; the simulator acts on them once the command has returned. */
    private void heard(AcdEvent event) {
        if (event instanceof AcdEvent.Offered offered) {
            offers.add(offered);
        }
    }

    private void arrive(boolean pastWarmUp) {
        long sequence = callsArrived++;
        long measuredIndex = pastWarmUp && measuredArrived < measuredCalls ? measuredArrived++ : -1;
        if (measuredIndex >= 0) {
            firstMeasuredArrival = firstMeasuredArrival < 0 ? nowNanos : firstMeasuredArrival;
            lastMeasuredArrival = nowNanos;
        }
        String id = "call-" + sequence;
        Instant now = clock.instant();
        waiting.put(id, new Call(sequence, measuredIndex, now));
        audit.submitted(sequence);
        Interaction interaction = new Interaction(id, Channel.VOICE, QUEUE, 0, List.of(), "entry", "customer",
                Map.of(), now);
        long began = System.nanoTime();
        boolean queued = engine.submit(interaction);
        timed(began);
        if (!queued) {
            waiting.remove(id);
            audit.refused(sequence);
            refused++;
            if (measuredIndex >= 0) {
                measuredDone++;
            }
        }
        schedule(nowNanos + nextArrivalGap(), null);
    }

    private void finish(String interactionId) {
        String agent = inService.remove(interactionId);
        long began = System.nanoTime();
        engine.end(interactionId);
        timed(began);
        audit.freed(agent);
    }

    /** Answers every offer made by the last command, at the same virtual instant, and schedules its end. */
    private void takeOffers() {
        while (!offers.isEmpty()) {
            List<AcdEvent.Offered> batch = new ArrayList<>(offers);
            offers.clear();
            for (AcdEvent.Offered offer : batch) {
                Call call = waiting.remove(offer.interactionId());
                if (call == null) {
                    throw new IllegalStateException("offer of a call that is not waiting: " + offer);
                }
                audit.offered(call.sequence(), offer.agent());
                long began = System.nanoTime();
                engine.accept(offer.interactionId(), offer.agent());
                timed(began);
                inService.put(offer.interactionId(), offer.agent());
                long handleNanos = exponentialNanos(handleTimes, scenario.handleSeconds());
                schedule(nowNanos + handleNanos, offer.interactionId());
                if (call.measuredIndex() >= 0) {
                    statistics.record(call.measuredIndex(), Duration.between(call.arrivedAt(), offer.at()).toNanos());
                    measuredHandleSeconds += handleNanos / 1e9;
                    measuredDone++;
                }
            }
        }
    }

    private void timed(long began) {
        engineNanos += System.nanoTime() - began;
        engineCommands++;
    }

    private long nextArrivalGap() {
        return exponentialNanos(arrivals, 1.0 / scenario.arrivalsPerSecond());
    }

    private void schedule(long atNanos, String interactionId) {
        agenda.add(new Happening(atNanos, order++, interactionId));
    }

    private static long exponentialNanos(Random random, double meanSeconds) {
        return seconds(-Math.log(1.0 - random.nextDouble()) * meanSeconds);
    }

    private static long seconds(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /** A call's arrival (no interaction yet) or the end of a conversation, at a virtual time in nanoseconds. */
    private record Happening(long atNanos, long order, String interactionId) implements Comparable<Happening> {
        @Override
        public int compareTo(Happening other) {
            int byTime = Long.compare(atNanos, other.atNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** A call waiting for an offer; {@code measuredIndex} is -1 for calls in the warm-up or after the sample. */
    private record Call(long sequence, long measuredIndex, Instant arrivedAt) {
    }
}
