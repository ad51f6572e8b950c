package org.switchboard.benchmarks;

/** What one throughput run measured after its warm-up. */
record ThroughputResult(ThroughputSettings settings, CommandTimings timings, StateTally state, long wallNanos,
        double simulatedSeconds, long arrived, long abandoned, long refused, long totalSlots, long prefilled,
        double warmUpSimulatedSeconds) {

    /** Decisions per second of engine time, counting every command the cycle needs (accept, end, complete too). */
    double decisionsPerEngineSecond() {
        return timings.decisionCount() / (timings.commandNanos() / 1e9);
    }

    /** Decision commands alone, back to back: one core doing nothing but routing decisions. */
    double decisionsPerDecisionSecond() {
        return timings.decisionCount() / (timings.decisionNanos() / 1e9);
    }

    /** Decisions per second of the whole measured loop, the simulator's own bookkeeping included. */
    double decisionsPerWallSecond() {
        return timings.decisionCount() / (wallNanos / 1e9);
    }

    double occupancy() {
        return state.meanBusySlots() / totalSlots;
    }
}
