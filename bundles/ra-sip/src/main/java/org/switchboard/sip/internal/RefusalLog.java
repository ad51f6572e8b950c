package org.switchboard.sip.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs calls refused for load without flooding the log when thousands are: the first refusal after a quiet spell
 * at once, then at most one line per period with how many were refused since.
 */
final class RefusalLog {

    private final Logger log;
    private final long periodNanos;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong lastLogged;

    RefusalLog(Logger log, long period, TimeUnit unit) {
        this.log = log;
        this.periodNanos = unit.toNanos(period);
        this.lastLogged = new AtomicLong(System.nanoTime() - periodNanos);
    }

    /** Counts a refusal at {@code now} (nanoseconds) and writes a WARN line if one is due. */
    void refused(String dialed, String reason, long now) {
        long count = unreported.incrementAndGet();
        long last = lastLogged.get();
        if (now - last >= periodNanos && lastLogged.compareAndSet(last, now)) {
            unreported.addAndGet(-count);
            if (count == 1) {
                log.warn("Call to {} refused with 503: {}", dialed, reason);
            } else {
                log.warn("{} calls refused with 503 in the last {} s, the last to {}: {}", count,
                        TimeUnit.NANOSECONDS.toSeconds(now - last), dialed, reason);
            }
        }
    }
}
