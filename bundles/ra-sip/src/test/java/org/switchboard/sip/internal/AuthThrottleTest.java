package org.switchboard.sip.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class AuthThrottleTest {

    private final AuthThrottle throttle = new AuthThrottle(3, 60_000, 300_000);

    @Test
    public void aSourceIsBlockedAtItsThirdFailureWithinTheWindowAndFreedLater() {
        assertFalse(throttle.failed("10.0.0.9", "2001", 0));
        assertFalse(throttle.failed("10.0.0.9", "2001", 1_000));
        assertFalse(throttle.blocked("10.0.0.9", 1_500));
        assertTrue(throttle.failed("10.0.0.9", "2002", 2_000));
        assertTrue(throttle.blocked("10.0.0.9", 2_001));
        assertFalse("other sources are not affected", throttle.blocked("10.0.0.10", 2_001));
        assertFalse(throttle.blocked("10.0.0.9", 302_001));
    }

    @Test
    public void failuresSpreadBeyondTheWindowDoNotBlockAndSuccessForgets() {
        throttle.failed("10.0.0.9", "2001", 0);
        throttle.failed("10.0.0.9", "2001", 61_000);
        assertFalse(throttle.failed("10.0.0.9", "2001", 122_000));
        throttle.succeeded("10.0.0.9");
        assertFalse(throttle.failed("10.0.0.9", "2001", 122_500));
        assertFalse(throttle.failed("10.0.0.9", "2001", 123_000));
    }

    @Test
    public void theBlockEndsExactlyWhenItsTimeIsUp() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.9", "2001", 10_000);
        }
        assertTrue(throttle.blocked("10.0.0.9", 10_000));
        assertTrue(throttle.blocked("10.0.0.9", 309_999));
        assertFalse(throttle.blocked("10.0.0.9", 310_000));
    }

    @Test
    public void afterABlockTheCountStartsAfresh() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.9", "2001", 0);
        }
        assertFalse("one typo after the block is no new block", throttle.failed("10.0.0.9", "2001", 300_001));
        assertFalse(throttle.blocked("10.0.0.9", 300_002));
        assertFalse(throttle.failed("10.0.0.9", "2001", 300_003));
        assertTrue(throttle.failed("10.0.0.9", "2001", 300_004));
    }

    @Test
    public void failuresWhileBlockedDoNotReportANewBlock() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.9", "2001", 0);
        }
        for (int i = 1; i <= 3; i++) {
            assertFalse("blocked once, reported once", throttle.failed("10.0.0.9", "2001", i));
        }
    }

    @Test
    public void forgettingDropsQuietSourcesButNotOnesStillBlocked() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.9", "2001", 0);
        }
        throttle.failed("10.0.0.10", "2001", 0);
        throttle.failed("10.0.0.10", "2001", 1);
        throttle.forgetOlderThan(100_000);
        assertTrue("a scanner is not let off by housekeeping", throttle.blocked("10.0.0.9", 100_001));
        assertFalse("its earlier failures are forgotten", throttle.failed("10.0.0.10", "2001", 100_002));
        throttle.forgetOlderThan(400_000);
        assertFalse(throttle.blocked("10.0.0.9", 400_001));
        assertFalse(throttle.failed("10.0.0.9", "2001", 400_002));
    }

    @Test
    public void aSourceFailingUnderManyUserNamesIsStillOneSource() {
        assertFalse(throttle.failed("10.0.0.9", "2001", 0));
        assertFalse(throttle.failed("10.0.0.9", "2002", 1));
        assertTrue("guessing across extensions is counted together", throttle.failed("10.0.0.9", "2003", 2));
    }
}
