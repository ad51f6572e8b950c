package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Callers and agents' phones that misbehave at random moments, at about twice what the agents can take: callers
 * hang up in the menu, in the queue, while an agent's phone rings, right after it answers, on hold and during a
 * transfer; phones decline, ring out, answer late and hang up first. Afterwards nothing is left over: no call, no
 * contact waiting, no agent held busy or reserved, no media port open, and no phone was ever offered a call while
 * it had one.
 */
public class CallerChaosIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PHONES = 48;
    private static final int FIRST_EXTENSION = 4101;
    private static final String QUEUE = "chaos";
    private static final String ENTRY_POINT = "600";
    /**
     * Calls a second, all callers together: well over twice what the phones take (each call holds a phone for a
     * second or two, and a tenth of them are declined), for {@link #SECONDS}.
     */
    private static final int RATE = 120;
    private static final int SECONDS = 30;
    /** How long the callers of each kind wait after being answered before hanging up (or holding), in ms. */
    private static final int[] PATIENCE = {300, 1500, 4000};
    private static final int HOLDING_PATIENCE = 1200;

    @Inject
    ConfigurationAdmin configurations;

    @Override
    protected Option[] extraOptions() {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            String extension = String.valueOf(FIRST_EXTENSION + i);
            String file = "etc/org.switchboard.sip.phone-" + extension + ".cfg";
            options.add(editConfigurationFilePut(file, "extension", extension));
            options.add(editConfigurationFilePut(file, "password", "chaos-" + extension));
        }
        return options.toArray(new Option[0]);
    }

    @Test
    public void callersAndPhonesThatMisbehaveLeaveNothingBehind() throws Exception {
        awaitHealthy();
        String admin = Http.basic("admin", adminPassword());
        Path work = workFolder("chaos");
        int phonesPort = FreePorts.next();
        Sipp phones = Sipp.serve("chaos-phones", phonesPort, work, "-trace_logs", "-log_file", "phones.log");
        try {
            setUp(admin, phonesPort);
            ScheduledExecutorService supervisor = Executors.newScheduledThreadPool(2);
            AtomicInteger transfers = new AtomicInteger();
            supervisor.scheduleWithFixedDelay(() -> readyAgain(admin), 300, 300, TimeUnit.MILLISECONDS);
            supervisor.scheduleWithFixedDelay(() -> transferOne(admin, transfers), 1000, 700, TimeUnit.MILLISECONDS);
            List<Sipp> callers = callers(work);
            try {
                for (Sipp caller : callers) {
                    caller.await(SECONDS + 240);
                }
            } finally {
                supervisor.shutdownNow();
                supervisor.awaitTermination(10, TimeUnit.SECONDS);
            }
            StringBuilder callersSaid = new StringBuilder();
            for (Sipp caller : callers) {
                callersSaid.append(summary(caller.output())).append('\n');
            }
            System.out.println("Callers: " + callersSaid + "; calls transferred: " + transfers.get());
            assertTrue("no REST transfer during the run", transfers.get() > 0);

            String[] left = {""};
            try {
                Await.until("no call left, no contact waiting, no agent held", Duration.ofSeconds(90), () -> {
                    left[0] = leftOver(admin);
                    return left[0].isEmpty();
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": " + left[0], e);
            }
            // A closed leg's sockets are released by the media engine's selector, within half a second.
            Await.until("every media port closed", Duration.ofSeconds(10), () -> mediaSocketsOpen() == 0);
            phones.stop();
            assertEquals("", doubleOffers(work.resolve("phones.log")));
        } finally {
            phones.stop();
        }
    }

    private void setUp(String admin, int phonesPort) throws Exception {
        assertEquals(200, http().put("/api/v1/queues/" + QUEUE, admin, "{\"strategy\":\"LONGEST_IDLE\",\"groups\":[\""
                + QUEUE + "\"],\"wrapUpSeconds\":0,\"offerTimeoutSeconds\":3,\"maxLength\":10000}").statusCode());
        assertEquals(200, http().put("/api/v1/flows/chaos", admin, "{\"start\":\"menu\",\"steps\":{"
                + "\"menu\":{\"type\":\"menu\",\"prompt\":\"beep\",\"choices\":{\"1\":\"line\"},\"timeoutSeconds\":1,"
                + "\"attempts\":1,\"otherwise\":\"line\"},"
                + "\"line\":{\"type\":\"queue\",\"queue\":\"" + QUEUE + "\"}}}").statusCode());
        assertEquals(200, http().put("/api/v1/entry-points/" + ENTRY_POINT, admin, "{\"flow\":\"chaos\"}").statusCode());
        for (int i = 0; i < PHONES; i++) {
            String extension = String.valueOf(FIRST_EXTENSION + i);
            SipDigest.registerPhone(sipPort(), extension, "chaos-" + extension, phonesPort);
            String agent = "chaos" + i;
            assertEquals(200, http().put("/api/v1/agents/" + agent, admin,
                    "{\"groups\":[\"" + QUEUE + "\"],\"capacity\":{\"VOICE\":1}}").statusCode());
            assertEquals(200, http().post("/api/v1/agents/" + agent + "/login", admin,
                    "{\"extension\":\"" + extension + "\"}").statusCode());
            assertEquals(200, http().put("/api/v1/agents/" + agent + "/state", admin,
                    "{\"state\":\"READY\"}").statusCode());
        }
    }

    /** One sipp per kind of caller, the rate shared among them, for {@link #SECONDS}. */
    private List<Sipp> callers(Path work) throws Exception {
        List<Path> scenarios = new ArrayList<>();
        for (int patience : PATIENCE) {
            scenarios.add(fill(work, "impatient-caller", patience));
        }
        scenarios.add(fill(work, "holding-caller", HOLDING_PATIENCE));
        int rate = RATE / scenarios.size();
        List<Sipp> callers = new ArrayList<>();
        for (Path scenario : scenarios) {
            callers.add(Sipp.call(scenario, sipPort(), ENTRY_POINT, work, "-r", String.valueOf(rate), "-m",
                    String.valueOf(rate * SECONDS), "-l", "2000"));
        }
        return callers;
    }

    private static Path fill(Path work, String template, int patience) throws IOException {
        Path source = Path.of(System.getProperty("switchboard.it.resources"), "sipp", template + ".xml");
        Path filled = work.resolve(template + "-" + patience + ".xml");
        Files.writeString(filled, Files.readString(source, StandardCharsets.UTF_8)
                .replace("@PATIENCE@", String.valueOf(patience)), StandardCharsets.UTF_8);
        return filled;
    }

    /** A supervisor makes the agents who declined or missed a call ready again, so that the load goes on. */
    private void readyAgain(String admin) {
        try {
            for (JsonNode agent : JSON.readTree(http().get("/api/v1/agents", admin).body())) {
                if (agent.path("login").asText().startsWith("chaos") && "NOT_READY".equals(agent.path("state").asText())) {
                    http().put("/api/v1/agents/" + agent.path("login").asText() + "/state", admin,
                            "{\"state\":\"READY\"}");
                }
            }
        } catch (Exception e) {
            // the next round tries again; the end of the test checks what matters
        }
    }

    /** A supervisor transfers a call in conversation back to the queue: its caller may hang up meanwhile. */
    private void transferOne(String admin, AtomicInteger transfers) {
        try {
            List<String> talking = new ArrayList<>();
            for (JsonNode call : JSON.readTree(http().get("/api/v1/calls", admin).body())) {
                if ("TALKING".equals(call.path("state").asText())) {
                    talking.add(call.path("interactionId").asText());
                }
            }
            if (!talking.isEmpty()) {
                String id = talking.get(ThreadLocalRandom.current().nextInt(talking.size()));
                int status = http().post("/api/v1/calls/" + id + "/transfer", admin,
                        "{\"queue\":\"" + QUEUE + "\"}").statusCode();
                if (status / 100 == 2) {
                    transfers.incrementAndGet();
                }
            }
        } catch (Exception e) {
            // a call that ended meanwhile is answered 404 or 409: nothing to count
        }
    }

    /** What is left over: calls, contacts waiting, agents neither ready nor not ready for a reason the test caused. */
    private String leftOver(String admin) throws Exception {
        StringBuilder left = new StringBuilder();
        JsonNode calls = JSON.readTree(http().get("/api/v1/calls", admin).body());
        if (calls.size() > 0) {
            left.append(calls.size()).append(" calls: ").append(calls).append("; ");
        }
        JsonNode queue = JSON.readTree(http().get("/api/v1/queues/" + QUEUE + "/figures", admin).body());
        if (queue.path("waiting").asInt() > 0) {
            left.append(queue.path("waiting").asInt()).append(" contacts waiting; ");
        }
        for (JsonNode agent : JSON.readTree(http().get("/api/v1/agents", admin).body())) {
            String state = agent.path("state").asText();
            String reason = agent.path("reason").asText("");
            boolean caused = "NOT_READY".equals(state) && Set.of("declined", "missed").contains(reason);
            if (agent.path("login").asText().startsWith("chaos") && !"READY".equals(state) && !caused) {
                left.append(agent.path("login").asText()).append(' ').append(state).append(' ')
                        .append(agent.path("interactions")).append("; ");
            }
        }
        return left.toString();
    }

    /**
     * The UDP sockets this JVM (the appliance) has open in the media port range: every call leg's ports must be
     * closed once its call is over.
     */
    private int mediaSocketsOpen() throws Exception {
        var media = configurations.getConfiguration("org.switchboard.media", null).getProperties();
        int min = Integer.parseInt(String.valueOf(media.get("rtp.port.min")));
        int max = Integer.parseInt(String.valueOf(media.get("rtp.port.max")));
        Set<String> inodes = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listed
                }
            }
        }
        int open = 0;
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16);
                if (port >= min && port <= max && inodes.contains(fields[9])) {
                    open++;
                }
            }
        }
        return open;
    }

    /**
     * The calls offered to a phone that still had one, from the phones' log ("offered EXT ID" as an INVITE is read,
     * "free EXT ID" as the message ending that call is read), in the order sipp read them.
     */
    private static String doubleOffers(Path log) throws IOException {
        Map<String, Set<String>> open = new HashMap<>();
        StringBuilder doubled = new StringBuilder();
        int offers = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 3) {
                continue;
            }
            Set<String> calls = open.computeIfAbsent(words[1], phone -> new java.util.HashSet<>());
            if ("offered".equals(words[0])) {
                offers++;
                if (!calls.isEmpty()) {
                    doubled.append(words[1]).append(" offered ").append(words[2]).append(" while in ").append(calls)
                            .append("; ");
                }
                calls.add(words[2]);
            } else if ("free".equals(words[0])) {
                calls.remove(words[2]);
            }
        }
        assertTrue("the phones were offered too few calls: " + offers, offers > RATE * SECONDS / 4);
        return doubled.toString();
    }

    /** sipp's count of calls that succeeded and failed, from its final screen. */
    private static String summary(String output) {
        StringBuilder summary = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.contains("Successful call") || line.contains("Failed call")) {
                summary.append(line.replaceAll("\\s+", " ").trim()).append("; ");
            }
        }
        return summary.toString();
    }
}
