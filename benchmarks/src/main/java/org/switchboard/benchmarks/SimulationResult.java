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
        double simulatedHours,
        long wallMillis,
        long refused,
        long idleWhileWaiting,
        long outOfOrderOffers,
        long doubleBookings) {

    /** Simulated minus Erlang C service level, in percentage points. */
    public double serviceLevelDifferencePoints() {
        return 100.0 * (serviceLevel - scenario.erlangServiceLevel());
    }

    /** True when the engine refused no call, left no agent idle with a call waiting, kept FIFO, never double-booked. */
    public boolean engineRulesKept() {
        return refused == 0 && idleWhileWaiting == 0 && outOfOrderOffers == 0 && doubleBookings == 0;
    }
}
