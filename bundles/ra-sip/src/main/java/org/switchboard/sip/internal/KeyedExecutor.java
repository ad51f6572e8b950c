package org.switchboard.sip.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the tasks of one key (a call) in order on one thread; different keys run in parallel. */
final class KeyedExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedExecutor.class);

    private final ExecutorService[] lanes;

    KeyedExecutor(String name, int lanes) {
        this.lanes = new ExecutorService[lanes];
        for (int i = 0; i < lanes; i++) {
            String threadName = name + "-" + i;
            this.lanes[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    void execute(String key, Runnable task) {
        lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Handling of {} failed", key, e);
            }
        });
    }

    void shutdown() throws InterruptedException {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(2, TimeUnit.SECONDS);
        }
    }
}
