package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class AdmissionTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    public void callsAreRefusedWhileTheLanesLagMoreThanAllowedAndTakenAgainOnceTheyCatchUp() {
        AtomicLong lag = new AtomicLong(120);
        Admission admission = new Admission(lag::get, () -> 200, 400, 0);
        assertNull(admission.refusal(0));
        lag.set(900);
        String refusal = admission.refusal(1);
        assertNotNull(refusal);
        assertTrue(refusal, refusal.contains("900 ms late"));
        lag.set(0);
        assertNull(admission.refusal(2));
    }

    @Test
    public void lanesBehindWithFewCallsInProgressAreAHiccupNotAnOverload() {
        Admission admission = new Admission(() -> 900, () -> Admission.MIN_CALLS - 1, 400, 0);
        assertNull(admission.refusal(0));
    }

    @Test
    public void aLimitOfZeroNeverRefuses() {
        Admission admission = new Admission(() -> 60_000, () -> 10_000, 0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertNull(admission.refusal(i));
        }
    }

    @Test
    public void beyondTheRateASecondsWorthIsTakenAtOnceThenOneCallPerInterval() {
        Admission admission = new Admission(() -> 0, () -> 0, 400, 10);
        int taken = 0;
        for (int i = 0; i < 50; i++) {
            if (admission.refusal(0) == null) {
                taken++;
            }
        }
        assertEquals("a burst of a second's worth", 10, taken);
        String refusal = admission.refusal(0);
        assertTrue(refusal, refusal.contains("more than 10 new calls a second"));
        assertNotNull("not yet a tenth of a second later", admission.refusal(SECOND / 20));
        assertNull("a tenth of a second later one more", admission.refusal(SECOND / 10));
        assertNotNull(admission.refusal(SECOND / 10));
    }

    @Test
    public void callsAtTheRateAreAllTaken() {
        Admission admission = new Admission(() -> 0, () -> 0, 400, 100);
        for (int i = 0; i < 1_000; i++) {
            assertNull("call " + i, admission.refusal(i * (SECOND / 100)));
        }
    }
}
