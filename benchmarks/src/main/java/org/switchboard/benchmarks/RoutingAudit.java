package org.switchboard.benchmarks;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** Counts the engine's departures from M/M/N rules: FIFO, no idle agent while a call waits, one call per agent. */
public final class RoutingAudit {

    private final int agents;
    private final TreeSet<Long> waiting = new TreeSet<>();
    private final Set<String> busy = new HashSet<>();
    private long idleWhileWaiting;
    private long outOfOrderOffers;
    private long doubleBookings;
    private int maxWaiting;

    public RoutingAudit(int agents) {
        this.agents = agents;
    }

    /** A call with arrival sequence {@code sequence} is about to be submitted. */
    public void submitted(long sequence) {
        waiting.add(sequence);
    }

    /** The engine refused the call: it never joined the line. */
    public void refused(long sequence) {
        waiting.remove(sequence);
    }

    /** The engine offered the call to {@code agent}: it must be the first in line, and the agent must be free. */
    public void offered(long sequence, String agent) {
        if (waiting.isEmpty() || waiting.first() != sequence) {
            outOfOrderOffers++;
        }
        waiting.remove(sequence);
        if (!busy.add(agent)) {
            doubleBookings++;
        }
    }

    /** The agent's call ended and its slot is free. */
    public void freed(String agent) {
        busy.remove(agent);
    }

    /** After a command and its offers: a call may wait only while every agent is busy. */
    public void settled() {
        maxWaiting = Math.max(maxWaiting, waiting.size());
        if (!waiting.isEmpty() && busy.size() < agents) {
            idleWhileWaiting++;
        }
    }

    public long idleWhileWaiting() {
        return idleWhileWaiting;
    }

    public long outOfOrderOffers() {
        return outOfOrderOffers;
    }

    public long doubleBookings() {
        return doubleBookings;
    }

    public int maxWaiting() {
        return maxWaiting;
    }
}
