package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.acd.CallbackPlacer;

/** Callbacks, maximum wait, opening hours and wait estimates over REST in the assembled appliance. */
public class LeavingTheLineIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String queue = "line-" + UUID.randomUUID().toString().substring(0, 8);
    private String admin;

    @Before
    public void configure() throws Exception {
        awaitHealthy();
        admin = Http.basic("admin", adminPassword());
        assertEquals(200, http().put("/api/v1/queues/" + queue, admin,
                "{\"groups\":[\"" + queue + "\"]}").statusCode());
    }

    @Test
    public void aCallerKeepsTheirPlaceAndIsCalledBackWhenAnAgentAccepts() throws Exception {
        BlockingQueue<String> placed = new LinkedBlockingQueue<>();
        ServiceRegistration<CallbackPlacer> placer = bundleContext.registerService(CallbackPlacer.class,
                (callback, agent) -> placed.add(callback.id() + " " + callback.customer() + " " + agent), null);
        try {
            call(queue + "-a", "+74950000001");
            call(queue + "-b", "+74950000002");
            JsonNode estimate = JSON.readTree(http().get("/api/v1/interactions/" + queue + "-b/estimate", admin).body());
            assertEquals(2, estimate.get("position").asInt());
            assertEquals("nobody staffed yet", 0, estimate.get("staffedAgents").asInt());

            assertEquals(204, http().post("/api/v1/interactions/" + queue + "-a/callback", admin,
                    "{\"number\":\"+74951234567\"}").statusCode());
            assertEquals("the callback kept its place", List.of(queue + "-a", queue + "-b"), waiting());
            JsonNode callback = JSON.readTree(http().get("/api/v1/interactions/" + queue + "-a", admin).body());
            assertEquals("CALLBACK", callback.get("channel").asText());
            assertEquals("OUTBOUND", callback.get("direction").asText());
            assertEquals("WAITING", callback.get("state").asText());
            assertEquals("+74951234567", callback.get("customer").asText());

            String agent = "cb-" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(200, http().put("/api/v1/agents/" + agent, admin,
                    "{\"groups\":[\"" + queue + "\"],\"capacity\":{\"VOICE\":1}}").statusCode());
            http().post("/api/v1/agents/" + agent + "/login", admin, "");
            http().put("/api/v1/agents/" + agent + "/state", admin, "{\"state\":\"READY\"}");
            assertEquals(204, http().post("/api/v1/interactions/" + queue + "-a/accept", admin,
                    "{\"agent\":\"" + agent + "\"}").statusCode());
            assertEquals(queue + "-a +74951234567 " + agent, placed.poll(30, TimeUnit.SECONDS));
            Await.until("the callback in the history", Duration.ofSeconds(10), () -> http()
                    .get("/api/v1/interactions/" + queue + "-a/history", admin).body().contains("CALLBACK_REQUESTED"));
        } finally {
            placer.unregister();
        }
    }

    @Test
    public void onlyAWaitingCallCanBeCalledBackAndTheNumberMustBeANumber() throws Exception {
        HttpResponse<String> badNumber = http().post("/api/v1/interactions/nobody/callback", admin,
                "{\"number\":\"call me\"}");
        assertEquals(400, badNumber.statusCode());
        assertThat(badNumber.body(), containsString("\"field\":\"number\""));
        assertEquals(201, http().post("/api/v1/interactions", admin, "{\"id\":\"" + queue + "-chat\",\"channel\":"
                + "\"CHAT\",\"queue\":\"" + queue + "\"}").statusCode());
        HttpResponse<String> chat = http().post("/api/v1/interactions/" + queue + "-chat/callback", admin, "{}");
        assertEquals(409, chat.statusCode());
        assertThat(chat.body(), containsString("chat"));
        assertEquals(404, http().get("/api/v1/interactions/nobody/estimate", admin).statusCode());
    }

    @Test
    public void aCallThatWaitedTooLongOverflowsToAnotherQueue() throws Exception {
        String overflow = queue + "-overflow";
        assertEquals(200, http().put("/api/v1/queues/" + overflow, admin, "{}").statusCode());
        HttpResponse<String> defined = http().put("/api/v1/queues/" + queue, admin, "{\"groups\":[\"" + queue
                + "\"],\"maxWait\":{\"afterSeconds\":1,\"action\":\"QUEUE\",\"target\":\"" + overflow + "\"}}");
        assertEquals(defined.body(), 200, defined.statusCode());
        assertThat(defined.body(), containsString("\"action\":\"QUEUE\""));
        call(queue + "-late", "+74950000003");
        Await.until("the call in the overflow queue", Duration.ofSeconds(30), () -> http()
                .get("/api/v1/queues/" + overflow, admin).body().contains(queue + "-late"));
        assertThat(http().get("/api/v1/interactions/" + queue + "-late/history", admin).body(),
                containsString("OVERFLOWED"));
    }

    @Test
    public void aClosedQueueRefusesOrHandsOverToItsAfterHoursQueue() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String closed = "{\"openingHours\":\"mon-sun 00:00-24:00\",\"timeZone\":\"UTC\",\"closedDates\":[\"" + today
                + "\"]";
        assertEquals(200, http().put("/api/v1/queues/" + queue, admin, closed + "}").statusCode());
        HttpResponse<String> refused = http().post("/api/v1/interactions", admin, "{\"channel\":\"CHAT\",\"queue\":\""
                + queue + "\"}");
        assertEquals(503, refused.statusCode());
        assertThat(refused.body(), containsString("closed"));

        String night = queue + "-night";
        assertEquals(200, http().put("/api/v1/queues/" + night, admin, "{}").statusCode());
        assertEquals(200, http().put("/api/v1/queues/" + queue, admin, closed + ",\"afterHoursQueue\":\"" + night
                + "\"}").statusCode());
        HttpResponse<String> handedOver = http().post("/api/v1/interactions", admin, "{\"channel\":\"CHAT\","
                + "\"queue\":\"" + queue + "\"}");
        assertEquals(201, handedOver.statusCode());
        assertEquals(night, JSON.readTree(handedOver.body()).get("queue").asText());
    }

    @Test
    public void badHoursAndMaximumWaitNameTheirField() throws Exception {
        HttpResponse<String> hours = http().put("/api/v1/queues/" + queue, admin, "{\"openingHours\":\"mon-fri 9-18\"}");
        assertEquals(400, hours.statusCode());
        assertThat(hours.body(), containsString("\"field\":\"openingHours\""));
        HttpResponse<String> zone = http().put("/api/v1/queues/" + queue, admin,
                "{\"openingHours\":\"mon-fri 09:00-18:00\",\"timeZone\":\"Mars/Olympus\"}");
        assertEquals(400, zone.statusCode());
        assertThat(zone.body(), containsString("\"field\":\"timeZone\""));
        HttpResponse<String> target = http().put("/api/v1/queues/" + queue, admin,
                "{\"maxWait\":{\"afterSeconds\":60,\"action\":\"QUEUE\"}}");
        assertEquals(400, target.statusCode());
        assertThat(target.body(), containsString("\"field\":\"maxWait.target\""));
        HttpResponse<String> nowhere = http().put("/api/v1/queues/" + queue, admin,
                "{\"maxWait\":{\"afterSeconds\":60,\"action\":\"QUEUE\",\"target\":\"nowhere-" + queue + "\"}}");
        assertEquals(400, nowhere.statusCode());
        assertThat(nowhere.body(), containsString("No queue named 'nowhere-" + queue + "'"));
    }

    private void call(String id, String from) throws Exception {
        assertEquals(201, http().post("/api/v1/interactions", admin, "{\"id\":\"" + id + "\",\"channel\":\"VOICE\","
                + "\"queue\":\"" + queue + "\",\"customer\":\"" + from + "\"}").statusCode());
    }

    private List<String> waiting() throws Exception {
        JsonNode view = JSON.readTree(http().get("/api/v1/queues/" + queue, admin).body());
        return JSON.convertValue(view.get("waiting"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
