package org.switchboard.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until the simulator moves it forward; never goes back. */
public final class VirtualClock extends Clock {

    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code instant}, which must not be earlier than the current time. */
    public void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("virtual time cannot go back from " + now + " to " + instant);
        }
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the virtual clock runs in UTC only");
        }
        return this;
    }
}
