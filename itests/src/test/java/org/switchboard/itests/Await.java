package org.switchboard.itests;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition with a deadline, polling; never a fixed sleep. */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /**
     * Waits (up to a minute) until the condition has held without a break for {@code span}: for a service
     * that may flap while it finishes starting.
     */
    public static void settled(String what, Duration span, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long heldSince = -1;
        while (System.nanoTime() < end) {
            boolean holds;
            try {
                holds = Boolean.TRUE.equals(condition.call());
            } catch (Exception e) {
                holds = false;
            }
            if (!holds) {
                heldSince = -1;
            } else if (heldSince < 0) {
                heldSince = System.nanoTime();
            } else if (System.nanoTime() - heldSince >= span.toNanos()) {
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new AssertionError("'" + what + "' did not hold for " + span.toMillis() + " ms in a row within a minute");
    }

    public static void until(String what, Duration deadline, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (Exception e) {
                last = e;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }
}
