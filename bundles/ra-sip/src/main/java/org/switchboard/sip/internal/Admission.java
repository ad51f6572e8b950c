package org.switchboard.sip.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Whether a new call may be taken now. Refused while the call lanes are further behind than allowed (the machine
 * is past its capacity) or beyond the configured rate of new calls, so that the calls already taken keep their
 * pace instead of everyone's calls slowing down together.
 */
final class Admission {

    /**
     * Lanes behind while fewer calls than this are in progress are a hiccup (a slow disk, the first call after
     * start), not a machine past its capacity: no call is refused for it.
     */
    static final int MIN_CALLS = 50;

    private final LongSupplier lagMillis;
    private final IntSupplier callsInProgress;
    private final long maxLagMillis;
    /** Nanoseconds between calls at the configured rate; 0 for no limit. */
    private final long interval;
    /** How far ahead of now the next call's theoretical arrival may be: a second's worth of calls as a burst. */
    private final long burst;
    /** When the next call would arrive if calls came exactly at the configured rate (GCRA; lock-free). */
    private final AtomicLong theoreticalArrival = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param lagMillis       how far behind the call lanes are
     * @param callsInProgress how many calls are in progress
     * @param maxLagMillis    the lag beyond which new calls are refused; 0 to never refuse for it
     * @param maxRate         new calls per second beyond which they are refused; 0 for no limit
     */
    Admission(LongSupplier lagMillis, IntSupplier callsInProgress, long maxLagMillis, int maxRate) {
        this.lagMillis = lagMillis;
        this.callsInProgress = callsInProgress;
        this.maxLagMillis = maxLagMillis;
        this.interval = maxRate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / maxRate;
        this.burst = TimeUnit.SECONDS.toNanos(1);
    }

    /** Null when a call arriving at {@code now} (nanoseconds) may be taken, otherwise why not. */
    String refusal(long now) {
        if (maxLagMillis > 0) {
            long lag = lagMillis.getAsLong();
            if (lag > maxLagMillis && callsInProgress.getAsInt() >= MIN_CALLS) {
                return "overloaded: calls in progress are handled " + lag + " ms late";
            }
        }
        if (interval > 0 && !withinRate(now)) {
            return "more than " + TimeUnit.SECONDS.toNanos(1) / interval + " new calls a second";
        }
        return null;
    }

    private boolean withinRate(long now) {
        while (true) {
            long arrival = theoreticalArrival.get();
            long next = Math.max(arrival == Long.MIN_VALUE ? now : arrival, now) + interval;
            if (next - now > burst) {
                return false;
            }
            if (theoreticalArrival.compareAndSet(arrival, next)) {
                return true;
            }
        }
    }
}
