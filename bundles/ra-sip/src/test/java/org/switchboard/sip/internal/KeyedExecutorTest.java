package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

public class KeyedExecutorTest {

    private final KeyedExecutor lanes = new KeyedExecutor("test-lane", 2);

    @After
    public void stop() throws InterruptedException {
        lanes.shutdown();
    }

    @Test
    public void tasksOfOneKeyRunInOrder() throws InterruptedException {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            int n = i;
            lanes.execute("call-1", () -> {
                seen.add(n);
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            assertEquals(i, (int) seen.get(i));
        }
    }

    @Test
    public void theLagIsHowLongTheOldestWaitingTaskHasWaited() throws InterruptedException {
        assertEquals(0, lanes.lagMillis());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        lanes.execute("call-1", () -> {
            started.countDown();
            await(release);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        CountDownLatch queuedRan = new CountDownLatch(1);
        long queuedAt = System.nanoTime();
        lanes.execute("call-1", queuedRan::countDown);
        // Wait on the condition itself: the lag grows while the second task waits behind the blocked first.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lanes.lagMillis() < 50 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long lag = lanes.lagMillis();
        assertTrue("lag " + lag, lag >= 50 && lag <= TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queuedAt));
        release.countDown();
        assertTrue(queuedRan.await(10, TimeUnit.SECONDS));
        assertEquals(0, lanes.lagMillis());
    }

    @Test
    public void aFailingTaskDoesNotStopItsLane() throws InterruptedException {
        CountDownLatch after = new CountDownLatch(1);
        lanes.execute("call-1", () -> {
            throw new IllegalStateException("provoked");
        });
        lanes.execute("call-1", after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    public void aCallStuckOnItsLaneDoesNotHoldUpCallsOnAnotherLane() throws InterruptedException {
        String stuck = "call-a";
        String other = "call-b";
        int lane = Math.floorMod(stuck.hashCode(), 2);
        for (int i = 0; Math.floorMod(other.hashCode(), 2) == lane; i++) {
            other = "call-b" + i;
        }
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        lanes.execute(stuck, () -> await(release));
        lanes.execute(other, otherRan::countDown);
        try {
            assertTrue(otherRan.await(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
        }
    }

    @Test
    public void tasksOfOneKeyNeverRunAtTheSameTime() throws InterruptedException {
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> running = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch done = new CountDownLatch(300);
        for (int i = 0; i < 300; i++) {
            String key = "call-" + (i % 7);
            java.util.concurrent.atomic.AtomicInteger count = running.computeIfAbsent(key,
                    k -> new java.util.concurrent.atomic.AtomicInteger());
            lanes.execute(key, () -> {
                if (count.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                Thread.yield();
                count.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals("a call's events are handled one at a time", 0, overlaps.get());
    }

    @Test
    public void theLanesThreadsAreNamedAfterTheExecutor() throws InterruptedException {
        List<String> names = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        lanes.execute("call-1", () -> {
            names.add(Thread.currentThread().getName());
            assertTrue(Thread.currentThread().isDaemon());
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(names.toString(), names.get(0).matches("test-lane-[01]"));
    }
}
