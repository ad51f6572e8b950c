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

    @Test
    public void aLagAtTheLimitAndCallsAtTheMinimumAreJudgedAsDocumented() {
        assertNull("at the limit is not past it", new Admission(() -> 400, () -> 500, 400, 0).refusal(0));
        assertNotNull("from the minimum number of calls on", new Admission(() -> 401, () -> Admission.MIN_CALLS, 400, 0)
                .refusal(0));
    }

    @Test
    public void theLagIsNotAskedForWhenItCannotRefuse() {
        Admission admission = new Admission(() -> {
            throw new AssertionError("lag read with no lag limit");
        }, () -> 1_000, 0, 0);
        assertNull(admission.refusal(0));
    }

    @Test
    public void aQuietSpellRefillsTheBurstButNoMoreThanASecondsWorth() {
        Admission admission = new Admission(() -> 0, () -> 0, 0, 5);
        for (int i = 0; i < 5; i++) {
            assertNull(admission.refusal(0));
        }
        assertNotNull(admission.refusal(0));
        long later = 60 * SECOND;
        int taken = 0;
        for (int i = 0; i < 20; i++) {
            if (admission.refusal(later) == null) {
                taken++;
            }
        }
        assertEquals("a minute of quiet is not a minute of calls at once", 5, taken);
    }

    @Test
    public void overloadIsCheckedBeforeTheRateSoARefusedCallUsesNoneOfIt() {
        AtomicLong lag = new AtomicLong(1_000);
        Admission admission = new Admission(lag::get, () -> 100, 400, 2);
        for (int i = 0; i < 10; i++) {
            assertTrue(admission.refusal(0).contains("late"));
        }
        lag.set(0);
        assertNull(admission.refusal(0));
        assertNull(admission.refusal(0));
        assertNotNull(admission.refusal(0));
    }

    @Test
    public void callsArrivingAtOnceFromManyThreadsGetExactlyTheBurst() throws Exception {
        Admission admission = new Admission(() -> 0, () -> 0, 0, 100);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        if (admission.refusal(0) == null) {
                            taken.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> future : done) {
                future.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertEquals(100, taken.get());
        } finally {
            threads.shutdownNow();
        }
    }
}
