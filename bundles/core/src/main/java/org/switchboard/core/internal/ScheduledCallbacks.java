package org.switchboard.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.CallbackScheduler;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.acd.ScheduledCallbackStore;

/**
 * Keeps scheduled callbacks in the store and, on a timer thread of its own, puts each in its queue when it is due
 * (offered first to its agent), so that waiting for them never holds up distribution's writer. On start it arms
 * every callback the store kept, those missed while the appliance was down at once.
 */
@Component(service = CallbackScheduler.class)
public class ScheduledCallbacks implements CallbackScheduler {

    /** How long after a queue refused a due callback (closed, full) it is offered again. */
    static final Duration RETRY = Duration.ofMinutes(5);
    /** How long past its time a callback that its queue keeps refusing is given up. */
    static final Duration GIVE_UP = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledCallbacks.class);

    @Reference
    AcdService acd;

    @Reference
    ScheduledCallbackStore store;

    Clock clock = Clock.systemUTC();
    private final Map<String, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;

    @Activate
    void activate() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "switchboard-scheduled-callbacks"));
        timer.execute(() -> {
            try {
                List<ScheduledCallback> pending = store.pending();
                pending.forEach(callback -> arm(callback, callback.at()));
                LOG.info("{} scheduled callbacks armed", pending.size());
            } catch (RuntimeException e) {
                LOG.error("Scheduled callbacks could not be read; none is armed until a restart", e);
            }
        });
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        armed.clear();
    }

    @Override
    public void schedule(ScheduledCallback callback) {
        store.save(callback);
        arm(callback, callback.at());
        LOG.info("Callback {} for interaction {} scheduled at {} in queue {}", callback.id(), callback.interactionId(),
                callback.at(), callback.queue());
    }

    @Override
    public Optional<ScheduledCallback> scheduled(String id) {
        return store.find(id);
    }

    @Override
    public List<ScheduledCallback> scheduled(Instant from, Instant to) {
        return store.between(from, to);
    }

    @Override
    public boolean cancel(String id) {
        ScheduledFuture<?> future = armed.remove(id);
        if (future != null) {
            future.cancel(false);
        }
        return store.remove(id);
    }

    private void arm(ScheduledCallback callback, Instant when) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        ScheduledFuture<?> previous = armed.put(callback.id(),
                timer.schedule(() -> due(callback.id()), delay, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** On the timer thread: takes the callback out of the store (only one node can) and puts it in its queue. */
    void due(String id) {
        armed.remove(id);
        try {
            Optional<ScheduledCallback> callback = store.find(id);
            if (callback.isPresent() && store.remove(id)) {
                enter(callback.get());
            }
        } catch (RuntimeException e) {
            LOG.error("Scheduled callback {} could not be put in its queue", id, e);
        }
    }

    private void enter(ScheduledCallback callback) {
        Interaction contact = callback.toInteraction(clock.instant());
        boolean queued;
        try {
            queued = callback.agent() == null ? acd.submit(contact) : acd.submitTo(contact, callback.agent());
        } catch (IllegalArgumentException alreadyThere) {
            LOG.info("Scheduled callback {} is already in distribution", callback.id());
            return;
        } catch (IllegalStateException distributionBusy) {
            LOG.warn("Scheduled callback {} not yet in its queue: {}", callback.id(), distributionBusy.getMessage());
            queued = false;
        }
        if (queued) {
            LOG.info("Scheduled callback {} to {} is in queue {}", callback.id(), callback.number(), callback.queue());
            return;
        }
        Instant now = clock.instant();
        if (now.isAfter(callback.at().plus(GIVE_UP))) {
            LOG.warn("Scheduled callback {} for interaction {} given up: queue {} refused it for {} h", callback.id(),
                    callback.interactionId(), callback.queue(), GIVE_UP.toHours());
            return;
        }
        // Kept at its own time, so the listing shows when it was promised; tried again a little later.
        store.save(callback);
        arm(callback, now.plus(RETRY));
        LOG.warn("Queue {} refused scheduled callback {}; trying again in {} min", callback.queue(), callback.id(),
                RETRY.toMinutes());
    }
}
