package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

public class PhoneLinesTest {

    private final PhoneLines phones = new PhoneLines();
    private final List<String> ran = new ArrayList<>();

    @Test
    public void aPhoneIsBusyFromOurInviteUntilItsLegIsOverOnBothSides() {
        assertFalse(phones.busy("2001"));
        phones.opened("2001", "leg-1");
        assertTrue(phones.busy("2001"));
        assertFalse("other phones are free", phones.busy("2002"));
        phones.closed("leg-1");
        assertFalse(phones.busy("2001"));
    }

    @Test
    public void aFreePhoneIsRungAtOnce() {
        phones.whenFree("2001", () -> ran.add("ring"));
        assertEquals(List.of("ring"), ran);
        assertFalse("waiting for nothing leaves nothing behind", phones.busy("2001"));
    }

    @Test
    public void aBusyPhoneIsRungOnlyOnceItsLegIsOver() {
        phones.opened("2001", "leg-1");
        phones.whenFree("2001", () -> ran.add("next call"));
        assertEquals("no second call while it has one", List.of(), ran);
        phones.closed("leg-1");
        assertEquals(List.of("next call"), ran);
    }

    @Test
    public void aPhoneWithTwoLegsIsFreeOnlyOnceBothAreOver() {
        phones.opened("2001", "leg-1");
        phones.opened("2001", "leg-2");
        phones.whenFree("2001", () -> ran.add("next call"));
        phones.closed("leg-1");
        assertTrue(phones.busy("2001"));
        assertEquals(List.of(), ran);
        phones.closed("leg-2");
        assertFalse(phones.busy("2001"));
        assertEquals(List.of("next call"), ran);
    }

    @Test
    public void closingIsIdempotentAndWaitersRunOnce() {
        phones.opened("2001", "leg-1");
        phones.whenFree("2001", () -> ran.add("next call"));
        phones.closed("leg-1");
        phones.closed("leg-1");
        assertEquals("a BYE's answer and its transaction's end both close the leg", List.of("next call"), ran);
        phones.opened("2001", "leg-2");
        phones.closed("leg-1");
        assertTrue("a late repeat does not free the phone's next leg", phones.busy("2001"));
        phones.closed("leg-2");
        assertEquals(List.of("next call"), ran);
    }

    @Test
    public void closingALegNeverOpenedChangesNothing() {
        phones.opened("2001", "leg-1");
        phones.closed("never-opened");
        assertTrue(phones.busy("2001"));
    }

    @Test
    public void waitersRunInTheOrderTheyCame() {
        phones.opened("2001", "leg-1");
        phones.whenFree("2001", () -> ran.add("first"));
        phones.whenFree("2001", () -> ran.add("second"));
        phones.whenFree("2001", () -> ran.add("third"));
        phones.closed("leg-1");
        assertEquals(List.of("first", "second", "third"), ran);
    }

    @Test
    public void aWaiterMayRingThePhoneAgainAndLaterWaitersWaitForThatCall() {
        phones.opened("2001", "leg-1");
        phones.whenFree("2001", () -> {
            ran.add("ring leg-2");
            phones.opened("2001", "leg-2");
        });
        phones.closed("leg-1");
        assertEquals(List.of("ring leg-2"), ran);
        assertTrue("the waiter's own call keeps the phone busy", phones.busy("2001"));
        phones.whenFree("2001", () -> ran.add("after leg-2"));
        assertEquals(List.of("ring leg-2"), ran);
        phones.closed("leg-2");
        assertEquals(List.of("ring leg-2", "after leg-2"), ran);
    }

    @Test
    public void phonesAreFreedIndependently() {
        phones.opened("2001", "leg-1");
        phones.opened("2002", "leg-2");
        phones.whenFree("2001", () -> ran.add("2001"));
        phones.whenFree("2002", () -> ran.add("2002"));
        phones.closed("leg-2");
        assertEquals(List.of("2002"), ran);
        assertTrue(phones.busy("2001"));
    }

    @Test
    public void aLegNoCallHasIsClosedOnlyAfterTheGrace() {
        phones.opened("2001", "lost");
        phones.whenFree("2001", () -> ran.add("next call"));
        assertEquals("first seen orphaned", List.of(), phones.releaseOrphans(leg -> false, 1_000, 500));
        assertEquals(List.of(), phones.releaseOrphans(leg -> false, 1_500, 500));
        assertTrue("not at the grace itself", phones.busy("2001"));
        assertEquals(List.of("2001"), phones.releaseOrphans(leg -> false, 1_501, 500));
        assertFalse("a phone is never kept busy for good", phones.busy("2001"));
        assertEquals(List.of("next call"), ran);
        assertEquals(List.of(), phones.releaseOrphans(leg -> false, 5_000, 500));
    }

    @Test
    public void legsOfLiveCallsAreNeverReleased() {
        phones.opened("2001", "talking");
        for (long now = 0; now < 10_000; now += 1_000) {
            assertEquals(List.of(), phones.releaseOrphans("talking"::equals, now, 500));
        }
        assertTrue(phones.busy("2001"));
    }

    @Test
    public void aLegFoundAgainStartsItsGraceAfresh() {
        phones.opened("2001", "leg-1");
        phones.releaseOrphans(leg -> false, 1_000, 500);
        phones.releaseOrphans(leg -> true, 1_400, 500);
        assertEquals("seen orphaned again at 1,600", List.of(), phones.releaseOrphans(leg -> false, 1_600, 500));
        assertEquals(List.of(), phones.releaseOrphans(leg -> false, 2_100, 500));
        assertEquals(List.of("2001"), phones.releaseOrphans(leg -> false, 2_101, 500));
    }

    @Test
    public void onlyTheOrphanedLegsOfAPhoneAreClosed() {
        phones.opened("2001", "lost");
        phones.opened("2001", "talking");
        phones.opened("2002", "lost-too");
        Set<String> live = Set.of("talking");
        phones.releaseOrphans(live::contains, 0, 100);
        List<String> released = phones.releaseOrphans(live::contains, 200, 100);
        assertEquals(Set.of("2001", "2002"), Set.copyOf(released));
        assertTrue("its other call goes on", phones.busy("2001"));
        assertFalse(phones.busy("2002"));
    }

    @Test
    public void aLegClosedBeforeItsGraceEndsIsNotReleasedAgain() {
        phones.opened("2001", "leg-1");
        phones.releaseOrphans(leg -> false, 0, 100);
        phones.closed("leg-1");
        phones.opened("2001", "leg-2");
        assertEquals(List.of(), phones.releaseOrphans("leg-2"::equals, 1_000, 100));
        assertTrue(phones.busy("2001"));
    }

    @Test
    public void legsOpenedAndClosedFromManyThreadsRunEachWaiterExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger runs = new AtomicInteger();
            int waiters = 200;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                String phone = "20" + (i % 5);
                String leg = "leg-" + i;
                done.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    phones.opened(phone, leg);
                    phones.whenFree(phone, runs::incrementAndGet);
                    phones.closed(leg);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
            assertEquals(waiters, runs.get());
            for (int i = 0; i < 5; i++) {
                assertFalse(phones.busy("20" + i));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aWaiterThatFailsDoesNotKeepTheOthersWaiting() {
        phones.opened("2001", "leg-1");
        phones.whenFree("2001", () -> {
            throw new IllegalStateException("a call's lane is gone");
        });
        phones.whenFree("2001", () -> ran.add("second"));
        phones.closed("leg-1");
        assertEquals(List.of("second"), ran);
        assertFalse(phones.busy("2001"));
    }
}
