package org.switchboard.benchmarks;

/** The Erlang C (M/M/N) formulas: probability of waiting, service level and average speed of answer. */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * Erlang B blocking probability for {@code agents} servers offered {@code traffic} Erlangs, by the stable
     * recurrence {@code B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1))} (no factorials, no powers).
     */
    public static double erlangB(int agents, double traffic) {
        checkArguments(agents, traffic);
        double blocking = 1.0;
        for (int k = 1; k <= agents; k++) {
            blocking = traffic * blocking / (k + traffic * blocking);
        }
        return blocking;
    }

    /** Probability that a call waits at all: {@code C = N·B / (N − A·(1 − B))}; needs {@code N > A}. */
    public static double probabilityOfWait(int agents, double traffic) {
        checkStable(agents, traffic);
        double blocking = erlangB(agents, traffic);
        return agents * blocking / (agents - traffic * (1.0 - blocking));
    }

    /** Fraction of calls answered within {@code targetSeconds}: {@code 1 − C·e^(−(N−A)·T/h)}. */
    public static double serviceLevel(int agents, double traffic, double handleSeconds, double targetSeconds) {
        double wait = probabilityOfWait(agents, traffic);
        return 1.0 - wait * Math.exp(-(agents - traffic) * targetSeconds / handleSeconds);
    }

    /** Average speed of answer (mean wait over all calls) in seconds: {@code C·h / (N − A)}. */
    public static double averageSpeedOfAnswer(int agents, double traffic, double handleSeconds) {
        return probabilityOfWait(agents, traffic) * handleSeconds / (agents - traffic);
    }

    private static void checkArguments(int agents, double traffic) {
        if (agents < 1 || !(traffic > 0) || Double.isInfinite(traffic)) {
            throw new IllegalArgumentException("need agents >= 1 and traffic > 0, got " + agents + " agents, "
                    + traffic + " Erlangs");
        }
    }

    private static void checkStable(int agents, double traffic) {
        checkArguments(agents, traffic);
        if (agents <= traffic) {
            throw new IllegalArgumentException("Erlang C needs more agents than Erlangs, got " + agents
                    + " agents for " + traffic + " Erlangs");
        }
    }
}
