package org.switchboard.sip.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the tasks of one key (a call) in order on one thread; different keys run in parallel. */
final class KeyedExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedExecutor.class);

    private final ThreadPoolExecutor[] lanes;

    KeyedExecutor(String name, int lanes) {
        this.lanes = new ThreadPoolExecutor[lanes];
        for (int i = 0; i < lanes; i++) {
            String threadName = name + "-" + i;
            this.lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    runnable -> {
                        Thread thread = new Thread(runnable, threadName);
                        thread.setDaemon(true);
                        return thread;
                    });
        }
    }

    void execute(String key, Runnable task) {
        lane(key).execute(new Queued(key, task, System.nanoTime()));
    }

    /**
     * How long the task waiting longest in any lane has waited, in milliseconds: how far behind the lanes are.
     * Peeks at the head of each lane's queue (a brief lock each), so it is cheap enough for every new call.
     */
    long lagMillis() {
        long now = System.nanoTime();
        long oldest = 0;
        for (ThreadPoolExecutor lane : lanes) {
            Runnable head = lane.getQueue().peek();
            if (head instanceof Queued queued) {
                oldest = Math.max(oldest, now - queued.at);
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(oldest);
    }

    private ThreadPoolExecutor lane(String key) {
        return lanes[Math.floorMod(key.hashCode(), lanes.length)];
    }

    void shutdown() throws InterruptedException {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        for (ThreadPoolExecutor lane : lanes) {
            lane.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    /** A task with the time it was handed to its lane. */
    private record Queued(String key, Runnable task, long at) implements Runnable {
        @Override
        public void run() {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Handling of {} failed", key, e);
            }
        }
    }
}
