package org.switchboard.benchmarks;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Wall time of each engine command, in nanoseconds. A command that made at least one offer is a routing
 * decision; the others (an accept that freed nothing, an end, a complete with nobody waiting) are kept apart.
 */
final class CommandTimings {

    /** One minute: a single command slower than that would be a hang, not a measurement. */
    private static final long HIGHEST_NANOS = 60_000_000_000L;
    private static final int DIGITS = 3;

    private final Histogram decisions = histogram();
    private final Map<EngineCommand, Histogram> decisionsBy = new EnumMap<>(EngineCommand.class);
    private final Map<EngineCommand, Histogram> othersBy = new EnumMap<>(EngineCommand.class);
    private final Histogram nextDeadline = histogram();
    private long commandNanos;
    private long decisionNanos;
    private long offers;

    CommandTimings() {
        for (EngineCommand command : EngineCommand.values()) {
            decisionsBy.put(command, histogram());
            othersBy.put(command, histogram());
        }
    }

    void record(EngineCommand command, long nanos, int offersMade) {
        long clamped = Math.min(Math.max(nanos, 1), HIGHEST_NANOS);
        commandNanos += nanos;
        if (offersMade > 0) {
            decisions.recordValue(clamped);
            decisionsBy.get(command).recordValue(clamped);
            decisionNanos += nanos;
            offers += offersMade;
        } else {
            othersBy.get(command).recordValue(clamped);
        }
    }

    /** {@code AcdEngine.nextDeadline()}, which the appliance's writer thread calls after every command. */
    void recordNextDeadline(long nanos) {
        nextDeadline.recordValue(Math.min(Math.max(nanos, 1), HIGHEST_NANOS));
    }

    Histogram decisions() {
        return decisions;
    }

    Histogram decisions(EngineCommand command) {
        return decisionsBy.get(command);
    }

    Histogram others(EngineCommand command) {
        return othersBy.get(command);
    }

    Histogram nextDeadline() {
        return nextDeadline;
    }

    long decisionCount() {
        return decisions.getTotalCount();
    }

    long commandCount() {
        long count = decisions.getTotalCount();
        for (Histogram others : othersBy.values()) {
            count += others.getTotalCount();
        }
        return count;
    }

    long offers() {
        return offers;
    }

    /** Engine time of every command, decisions or not: the cost of keeping the cycle going. */
    long commandNanos() {
        return commandNanos;
    }

    long decisionNanos() {
        return decisionNanos;
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_NANOS, DIGITS);
    }
}
