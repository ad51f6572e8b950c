package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;

/**
 * Callers leave messages through a flow's voicemail step: sipp speaks (the A-law pcap shipped with it), then
 * presses # or hangs up; the message is found over REST with its caller, mailbox, length and audio.
 */
public class VoicemailIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the flow plays before the beep. */
    private static final String GREETING = "en/numbers/1";

    private String admin;
    private String mailbox;
    private String number;

    @Before
    public void configure() throws Exception {
        awaitHealthy();
        admin = Http.basic("admin", adminPassword());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        mailbox = "messages-" + unique;
        number = "7" + Math.floorMod(unique.hashCode(), 100_000);
        assertEquals(200, http().put("/api/v1/queues/" + mailbox, admin,
                "{\"strategy\":\"LONGEST_IDLE\",\"groups\":[\"nobody\"]}").statusCode());
        String flow = "{\"start\":\"greeting\",\"steps\":{"
                + "\"greeting\":{\"type\":\"play\",\"prompt\":\"" + GREETING + "\",\"next\":\"message\"},"
                + "\"message\":{\"type\":\"voicemail\",\"mailbox\":\"" + mailbox + "\",\"maxSeconds\":20,\"next\":\"bye\"},"
                + "\"bye\":{\"type\":\"hangup\"}}}";
        HttpResponse<String> saved = http().put("/api/v1/flows/" + mailbox, admin, flow);
        assertEquals(saved.body(), 200, saved.statusCode());
        assertEquals(200, http().put("/api/v1/entry-points/" + number, admin,
                "{\"flow\":\"" + mailbox + "\"}").statusCode());
    }

    @Test
    public void aCallerLeavesAMessageEndedWithTheHashKey() throws Exception {
        Sipp caller = Sipp.call("voicemail-caller", sipPort(), number, workFolder("caller"), "-m", "1", "-d", "5000");
        assertEquals("the appliance hangs up after the message: " + caller.output(), 0, caller.await(60));

        JsonNode message = awaitMessage();
        assertEquals("79161234567", message.get("caller").asText());
        assertEquals(mailbox, message.get("mailbox").asText());
        assertEquals(number, message.get("dialed").asText());
        assertTrue(message.toString(), !message.get("heard").asBoolean());
        // Recorded from the end of the greeting and the beep until # at 5 s.
        double expected = 5.0 - seconds(GREETING) - seconds("beep");
        double duration = message.get("durationSeconds").asDouble();
        assertTrue("about " + expected + " s, not " + duration, Math.abs(duration - expected) < 0.8);
        assertAudio(message, duration);

        HttpResponse<String> forAgents = http().get("/api/v1/voicemails?mailbox=" + mailbox, Http.basic(AGENT, AGENT_PASSWORD));
        assertEquals("voicemail is for supervisors", 403, forAgents.statusCode());
        HttpResponse<String> heard = http().post("/api/v1/voicemails/" + message.get("id").asText() + "/heard", admin, "");
        assertEquals(heard.body(), 200, heard.statusCode());
        assertTrue(JSON.readTree(heard.body()).get("heard").asBoolean());
        HttpResponse<String> badLimit = http().get("/api/v1/voicemails?limit=0", admin);
        assertEquals(400, badLimit.statusCode());
        assertTrue(badLimit.body(), badLimit.body().contains("limit"));
    }

    @Test
    public void aCallerWhoHangsUpWhileSpeakingStillLeavesTheMessage() throws Exception {
        // caller.xml: a key the greeting ignores, a second's pause, then speech until it hangs up at about 5 s.
        Sipp caller = Sipp.call("caller", sipPort(), number, workFolder("caller"), "-m", "1", "-d", "4000");
        assertEquals(caller.output(), 0, caller.await(60));

        JsonNode message = awaitMessage();
        assertEquals("79161234567", message.get("caller").asText());
        double expected = 5.0 - seconds(GREETING) - seconds("beep");
        double duration = message.get("durationSeconds").asDouble();
        assertTrue("about " + expected + " s, not " + duration, Math.abs(duration - expected) < 1.0);
        assertAudio(message, duration);
    }

    @Test
    public void aCallerWhoWaitedTheQueuesLongestLeavesAMessageInItsMailbox() throws Exception {
        // A queue nobody serves whose callers, after a second, are asked for a message instead.
        assertEquals(200, http().put("/api/v1/queues/" + mailbox, admin, "{\"strategy\":\"LONGEST_IDLE\","
                + "\"groups\":[\"nobody\"],\"maxWait\":{\"afterSeconds\":1,\"action\":\"MESSAGE\"}}").statusCode());
        String waiting = "8" + number.substring(1);
        HttpResponse<String> saved = http().put("/api/v1/flows/" + mailbox + "-queue", admin, "{\"start\":\"queue\","
                + "\"steps\":{\"queue\":{\"type\":\"queue\",\"queue\":\"" + mailbox + "\"}}}");
        assertEquals(saved.body(), 200, saved.statusCode());
        assertEquals(200, http().put("/api/v1/entry-points/" + waiting, admin,
                "{\"flow\":\"" + mailbox + "-queue\"}").statusCode());
        // The caller waits, hears the invitation to leave a message and the beep, and hangs up at about 11 s.
        Sipp caller = Sipp.call("caller", sipPort(), waiting, workFolder("caller"), "-m", "1", "-d", "10000");
        assertEquals(caller.output(), 0, caller.await(60));

        JsonNode message = awaitMessage();
        assertEquals("79161234567", message.get("caller").asText());
        assertEquals(waiting, message.get("dialed").asText());
        assertTrue(message.toString(), message.get("durationSeconds").asDouble() > 0.5);
    }

    private JsonNode awaitMessage() throws Exception {
        JsonNode[] found = new JsonNode[1];
        Await.until("a message in " + mailbox, Duration.ofSeconds(10), () -> {
            JsonNode list = JSON.readTree(http().get("/api/v1/voicemails?mailbox=" + mailbox, admin).body());
            if (list.size() == 1) {
                found[0] = list.get(0);
                return true;
            }
            return false;
        });
        JsonNode one = JSON.readTree(http().get("/api/v1/voicemails/" + found[0].get("id").asText(), admin).body());
        assertEquals(found[0], one);
        return one;
    }

    /** The WAV is mono, 8 kHz, 16-bit, as long as the message, and someone speaks in it. */
    private void assertAudio(JsonNode message, double duration) throws Exception {
        HttpResponse<byte[]> audio = http().getBytes("/api/v1/voicemails/" + message.get("id").asText() + "/audio", admin);
        assertEquals(200, audio.statusCode());
        Files.write(workFolder("voicemail").resolve(message.get("id").asText() + ".wav"), audio.body());
        ByteBuffer wav = ByteBuffer.wrap(audio.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("mono", 1, wav.getShort(22));
        assertEquals(8000, wav.getInt(24));
        assertEquals(16, wav.getShort(34));
        assertEquals(audio.body().length - 44, wav.getInt(40));
        double seconds = (audio.body().length - 44) / 16_000.0;
        assertEquals("the file is as long as the message", duration, seconds, 0.05);
        long level = 0;
        for (int at = 44; at + 2 <= audio.body().length; at += 2) {
            level += Math.abs(wav.getShort(at));
        }
        double mean = level / Math.max(1.0, (audio.body().length - 44) / 2.0);
        assertTrue("the caller is heard: " + mean, mean > 100);
    }

    /** The length of a prompt shipped with the appliance (a mono G.711 WAV: one byte a sample). */
    private static double seconds(String prompt) throws Exception {
        Path file = Path.of(System.getProperty("karaf.etc"), "prompts", prompt + ".wav");
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (wav.getInt(at) != 0x61746164) {
            at += 8 + wav.getInt(at + 4);
        }
        return wav.getInt(at + 4) / 8000.0;
    }
}
