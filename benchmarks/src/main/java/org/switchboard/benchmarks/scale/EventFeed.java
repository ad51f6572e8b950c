package org.switchboard.benchmarks.scale;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Follows {@code GET /events} (server-sent events) on a thread of its own and hands each Offered event's
 * interaction and agent to a callback: how the client learns which agent must accept which contact.
 */
final class EventFeed implements AutoCloseable {

    private static final Pattern INTERACTION = Pattern.compile("\"interactionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern AGENT = Pattern.compile("\"agent\"\\s*:\\s*\"([^\"]+)\"");

    private final ApplianceClient client;
    private final BiConsumer<String, String> offered;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final AtomicLong events = new AtomicLong();
    private volatile Stream<String> lines;
    private Thread reader;

    EventFeed(ApplianceClient client, BiConsumer<String, String> offered) {
        this.client = client;
        this.offered = offered;
    }

    /** Opens the stream and waits for its first (Subscribed) event, so no offer after this is missed. */
    void open() throws InterruptedException {
        reader = new Thread(this::read, "scale-check-events");
        reader.setDaemon(true);
        reader.start();
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event stream did not open within 30 s");
        }
    }

    long events() {
        return events.get();
    }

    private void read() {
        HttpRequest request = HttpRequest.newBuilder(client.uri("/events"))
                .header("Authorization", client.authorization()).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = client.http().send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /events answered " + response.statusCode());
            }
            lines = response.body();
            String name = null;
            StringBuilder data = new StringBuilder();
            for (Iterator<String> it = lines.iterator(); it.hasNext();) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && name != null) {
                    deliver(name, data.toString());
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            if (subscribed.getCount() > 0) {
                System.err.println("event stream failed: " + e);
            }
        }
    }

    private void deliver(String name, String data) {
        events.incrementAndGet();
        if (name.equals("Subscribed")) {
            subscribed.countDown();
        } else if (name.equals("Offered")) {
            Matcher interaction = INTERACTION.matcher(data);
            Matcher agent = AGENT.matcher(data);
            if (interaction.find() && agent.find()) {
                offered.accept(interaction.group(1), agent.group(1));
            }
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
