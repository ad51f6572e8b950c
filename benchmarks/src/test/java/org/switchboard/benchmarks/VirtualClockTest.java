package org.switchboard.benchmarks;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import org.junit.Test;

/** The virtual clock moves only when told, and only forward. */
public class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    @Test
    public void standsStillUntilSet() {
        VirtualClock clock = new VirtualClock(START);
        assertEquals(START, clock.instant());
        clock.set(START.plusNanos(1));
        assertEquals(START.plusNanos(1), clock.instant());
        assertEquals(START.toEpochMilli(), clock.millis());
    }

    @Test(expected = IllegalArgumentException.class)
    public void neverGoesBack() {
        VirtualClock clock = new VirtualClock(START);
        clock.set(START.minusSeconds(1));
    }
}
