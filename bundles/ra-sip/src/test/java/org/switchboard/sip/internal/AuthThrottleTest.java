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
}
