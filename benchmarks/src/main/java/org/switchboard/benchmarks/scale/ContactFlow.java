package org.switchboard.benchmarks.scale;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Keeps contacts flowing through the appliance over REST: submits at a steady rate, and for each Offered event
 * the chosen agent accepts at once, ends after a talk time and completes after a short wrap-up. Requests run on
 * a few worker threads; timers only hand work to them.
 */
final class ContactFlow {

    private final ApplianceClient client;
    private final ScaleOptions options;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final Random random = new Random(20260105L);
    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    private final Histogram submitToOffer = new ConcurrentHistogram(600_000_000_000L, 3);
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private volatile boolean running;

    ContactFlow(ApplianceClient client, ScaleOptions options) {
        this.client = client;
        this.options = options;
        this.workers = Executors.newFixedThreadPool(options.parallel());
    }

    /** Runs for the configured time, then stops taking on work and waits a little for requests in flight. */
    void run() throws InterruptedException {
        running = true;
        long periodNanos = Math.round(1e9 / options.contactsPerSecond());
        timers.scheduleAtFixedRate(() -> workers.execute(this::submit), 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(options.seconds() * 1000L);
        running = false;
        timers.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    /** The event feed's callback: the engine offered a contact to an agent. */
    void offered(String interactionId, String agent) {
        offered.incrementAndGet();
        Long at = submittedAt.remove(interactionId);
        if (at != null) {
            submitToOffer.recordValue(Math.max(1, System.nanoTime() - at));
        }
        later(0, () -> {
            if (client.send("accept", "POST", "/interactions/" + interactionId + "/accept",
                    "{\"agent\":\"" + agent + "\"}") != null) {
                accepted.incrementAndGet();
                later(talkMillis(), () -> end(interactionId));
            }
        });
    }

    private void submit() {
        if (!running) {
            return;
        }
        String id = "scale-" + submitted.incrementAndGet();
        ScaleCentre.Queue queue = pickQueue();
        submittedAt.put(id, System.nanoTime());
        if (client.send("submit", "POST", "/interactions", ScaleCentre.contactBody(id, queue)) == null) {
            submittedAt.remove(id);
        }
    }

    private void end(String interactionId) {
        if (client.send("end", "POST", "/interactions/" + interactionId + "/end", "{}") != null) {
            later(Math.round(options.wrapUpSeconds() * 1000), () -> {
                if (client.send("complete", "POST", "/interactions/" + interactionId + "/complete",
                        "{\"note\":\"scale check\"}") != null) {
                    completed.incrementAndGet();
                }
            });
        }
    }

    /** Hands a request to the workers after a delay; nothing new starts once the run is over. */
    private void later(long millis, Runnable request) {
        if (!running) {
            return;
        }
        try {
            timers.schedule(() -> workers.execute(request), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // The run ended between the check and the schedule: the request is not needed any more.
        }
    }

    /** Talk times uniform between half and one and a half times the mean. */
    private synchronized long talkMillis() {
        return Math.round(options.talkSeconds() * (0.5 + random.nextDouble()) * 1000);
    }

    private synchronized ScaleCentre.Queue pickQueue() {
        double draw = random.nextDouble();
        for (ScaleCentre.Queue queue : ScaleCentre.QUEUES) {
            draw -= queue.share();
            if (draw < 0) {
                return queue;
            }
        }
        return ScaleCentre.QUEUES.get(ScaleCentre.QUEUES.size() - 1);
    }

    long submitted() {
        return submitted.get();
    }

    long offered() {
        return offered.get();
    }

    long accepted() {
        return accepted.get();
    }

    long completed() {
        return completed.get();
    }

    /** From the submit request leaving the client to the Offered event arriving: queue wait plus both trips. */
    Histogram submitToOffer() {
        return submitToOffer;
    }
}
