package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the ACD engine through three M/M/N scenarios and compares the measured service level with Erlang C. */
public final class ErlangCheck {

    /** Largest accepted gap between simulated and Erlang C service level, in percentage points. */
    public static final double TOLERANCE_POINTS = 2.0;
    public static final long DEFAULT_CALLS = 200_000;
    public static final long DEFAULT_SEED = 20260105L;
    private static final double HANDLE_SECONDS = 180;

    private ErlangCheck() {
    }

    /** The three cases of the check, with h = 180 s and a 20 s target. */
    public static List<Scenario> scenarios() {
        return List.of(new Scenario(30, 35, HANDLE_SECONDS, 20), new Scenario(30, 38, HANDLE_SECONDS, 20),
                new Scenario(120, 127, HANDLE_SECONDS, 20));
    }

    /** Arguments: [measured calls per scenario, default 200000] [seed, default 20260105]. */
    public static void main(String[] args) {
        long calls = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_CALLS;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        System.out.printf(Locale.ROOT, "Erlang C check of AcdEngine: %,d measured calls per scenario after a %.0f %% "
                + "warm-up, seed %d, Java %s%n%n", calls, 100 * CallCenterSimulation.WARM_UP_FRACTION, seed,
                System.getProperty("java.version"));
        List<SimulationResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            results.add(new CallCenterSimulation(scenario, calls, seed).run());
        }
        System.out.println("| scenario | calls measured | SL simulated | SL Erlang C | Δ SL (pp) | ±2σ (pp) "
                + "| ASA simulated | ASA Erlang C | P(wait) simulated | P(wait) Erlang C |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SimulationResult r : results) {
            Scenario s = r.scenario();
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f %% | %.2f %% | %+.2f | %.2f | %.2f s | %.2f s "
                    + "| %.2f %% | %.2f %% |%n", s, r.measuredCalls(), 100 * r.serviceLevel(),
                    100 * s.erlangServiceLevel(), r.serviceLevelDifferencePoints(),
                    200 * r.serviceLevelStandardError(), r.averageSpeedOfAnswer(), s.erlangAverageSpeedOfAnswer(),
                    100 * r.probabilityOfWait(), 100 * s.erlangProbabilityOfWait());
        }
        System.out.println();
        System.out.println("| scenario | traffic carried | SL Erlang C at traffic carried | Δ SL vs that (pp) "
                + "| longest line | longest wait | calls in all | simulated hours | engine µs per command "
                + "| wall time |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SimulationResult r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.2f Erl | %.2f %% | %+.2f | %d | %.0f s | %,d | %.0f | %.0f "
                    + "| %.1f s |%n", r.scenario(), r.realizedTrafficErlangs(),
                    100 * r.realizedErlangServiceLevel(), 100 * (r.serviceLevel() - r.realizedErlangServiceLevel()),
                    r.maxWaiting(), r.maxWaitSeconds(), r.totalCalls(), r.simulatedHours(),
                    r.engineMicrosPerCommand(), r.wallMillis() / 1000.0);
        }
        System.out.println();
        boolean passed = true;
        for (SimulationResult r : results) {
            boolean close = Math.abs(r.serviceLevelDifferencePoints()) <= TOLERANCE_POINTS;
            boolean clean = r.engineRulesKept();
            passed &= close && clean;
            System.out.printf(Locale.ROOT, "%s %s: Δ SL %+.2f pp (limit ±%.1f); refused %d, agent idle while a "
                    + "call waited %d, out-of-order offers %d, double bookings %d%n",
                    close && clean ? "PASS" : "FAIL", r.scenario(), r.serviceLevelDifferencePoints(),
                    TOLERANCE_POINTS, r.refused(), r.idleWhileWaiting(), r.outOfOrderOffers(), r.doubleBookings());
        }
        if (!passed) {
            System.out.println("Erlang C check FAILED");
            System.exit(1);
        }
        System.out.println("Erlang C check passed");
    }
}
