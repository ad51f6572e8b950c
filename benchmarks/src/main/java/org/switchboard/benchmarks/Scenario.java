package org.switchboard.benchmarks;

/** One M/M/N case: offered traffic in Erlangs, agents, mean handle time and the service-level target. */
public record Scenario(double trafficErlangs, int agents, double handleSeconds, double targetSeconds) {

    public Scenario {
        if (agents <= trafficErlangs || !(trafficErlangs > 0) || !(handleSeconds > 0) || targetSeconds < 0) {
            throw new IllegalArgumentException("need 0 < traffic < agents, handle time > 0 and target >= 0");
        }
    }

    /** Calls per second: λ = A / h. */
    public double arrivalsPerSecond() {
        return trafficErlangs / handleSeconds;
    }

    /** Erlang C service level for this case. */
    public double erlangServiceLevel() {
        return ErlangC.serviceLevel(agents, trafficErlangs, handleSeconds, targetSeconds);
    }

    /** Erlang C average speed of answer for this case, in seconds. */
    public double erlangAverageSpeedOfAnswer() {
        return ErlangC.averageSpeedOfAnswer(agents, trafficErlangs, handleSeconds);
    }

    /** Erlang C probability of waiting for this case. */
    public double erlangProbabilityOfWait() {
        return ErlangC.probabilityOfWait(agents, trafficErlangs);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "A=%.0f Erl, N=%d, h=%.0f s, T=%.0f s",
                trafficErlangs, agents, handleSeconds, targetSeconds);
    }
}
