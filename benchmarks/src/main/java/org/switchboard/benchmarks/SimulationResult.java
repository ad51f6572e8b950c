package org.switchboard.benchmarks;

/** What one simulation run measured, and whether the engine kept the M/M/N rules while it ran. */
public record SimulationResult(
        Scenario scenario,
        long seed,
        long measuredCalls,
        long totalCalls,
        double serviceLevel,
        double serviceLevelStandardError,
        double averageSpeedOfAnswer,
        double probabilityOfWait,
        double maxWaitSeconds,
        int maxWaiting,
        double realizedTrafficErlangs,
        double simulatedHours,
        long wallMillis,
        long engineCommands,
        long engineNanos,
        long refused,
        long idleWhileWaiting,
        long outOfOrderOffers,
        long doubleBookings) {

    /** Simulated minus Erlang C service level, in percentage points. */
    public double serviceLevelDifferencePoints() {
        return 100.0 * (serviceLevel - scenario.erlangServiceLevel());
    }

    /**
     * Erlang C service level at the traffic the sample actually carried (measured arrival rate times measured
     * mean handle time), which takes the luck of the random inputs out of the comparison.
     */
    public double realizedErlangServiceLevel() {
        return ErlangC.serviceLevel(scenario.agents(), realizedTrafficErlangs, scenario.handleSeconds(),
                scenario.targetSeconds());
    }

    /** Mean wall time the engine spent in one command (submit, accept or end), in microseconds. */
    public double engineMicrosPerCommand() {
        return engineNanos / 1e3 / engineCommands;
    }

    /** True when the engine refused no call, left no agent idle with a call waiting, kept FIFO, never double-booked. */
    public boolean engineRulesKept() {
        return refused == 0 && idleWhileWaiting == 0 && outOfOrderOffers == 0 && doubleBookings == 0;
    }
}
