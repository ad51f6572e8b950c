package org.switchboard.sip.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * What happened to one call, in order, with the milliseconds since it began: logged when a call has to be ended
 * by the audit, so that a call that went wrong can be understood afterwards. Keeps the latest entries only.
 */
final class CallHistory {

    private static final int KEPT = 24;

    private final long beganNanos;
    private final Deque<String> entries = new ArrayDeque<>(KEPT);

    CallHistory(long beganNanos) {
        this.beganNanos = beganNanos;
    }

    /** Notes {@code what} at {@code nanos} (System.nanoTime()); the oldest entry goes once there are enough. */
    synchronized void note(String what, long nanos) {
        if (entries.size() == KEPT) {
            entries.removeFirst();
        }
        entries.addLast("+" + TimeUnit.NANOSECONDS.toMillis(nanos - beganNanos) + " ms " + what);
    }

    @Override
    public synchronized String toString() {
        return String.join("; ", entries);
    }
}
