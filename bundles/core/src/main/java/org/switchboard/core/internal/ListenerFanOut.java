package org.switchboard.core.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdListener;

/** Delivers events to each listener in order on a thread of its own, so that one slow listener stalls no other. */
final class ListenerFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerFanOut.class);
    private final Map<AcdListener, ExecutorService> listeners = new ConcurrentHashMap<>();

    void add(AcdListener listener) {
        listeners.put(listener, Executors.newSingleThreadExecutor(
                runnable -> new Thread(runnable, "switchboard-acd-listener-" + listener.getClass().getSimpleName())));
    }

    /** Stops delivering to the listener once what it was already given is delivered. */
    void remove(AcdListener listener) {
        ExecutorService executor = listeners.remove(listener);
        if (executor != null) {
            drain(executor);
        }
    }

    void publish(AcdEvent event) {
        listeners.forEach((listener, executor) -> executor.execute(() -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("Listener {} failed on {}", listener, event, e);
            }
        }));
    }

    void close() {
        listeners.values().forEach(ListenerFanOut::drain);
        listeners.clear();
    }

    private static void drain(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.error("A distribution listener did not finish within 10 s; {} events undelivered",
                        executor.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
