package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

/** Callbacks promised at wrap-up: scheduled, listed, cancelled, and put in their queue for the same agent when due. */
public class ScheduledCallbackIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String queue = "later-" + suffix;
    private final String agent = "later-agent-" + suffix;
    private final String customer = "+7495" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000L);
    private String admin;
    private String agentRole;

    @Before
    public void configure() throws Exception {
        awaitHealthy();
        admin = Http.basic("admin", adminPassword());
        agentRole = readyAgentOfItsOwnQueue(admin, queue, agent, 300);
    }

    @Test
    public void aPromisedCallbackIsOfferedToTheSameAgentWhenDue() throws Exception {
        String call = handledUpToWrapUp("VOICE");
        HttpResponse<String> past = complete(call, "{\"at\":\"" + in(Duration.ofMinutes(-1)) + "\"}");
        assertEquals(400, past.statusCode());
        assertEquals("callback.at", JSON.readTree(past.body()).get("field").asText());
        assertEquals("callback.at", field(complete(call, "{\"at\":\"tomorrow\"}")));
        assertEquals("callback.at", field(complete(call, "{\"at\":\"" + in(Duration.ofDays(400)) + "\"}")));
        assertEquals("callback.number", field(complete(call, "{\"at\":\"" + in(Duration.ofHours(1))
                + "\",\"number\":\"call me\"}")));
        assertEquals("nothing was completed", "WRAP_UP", JSON.readTree(http().get("/api/v1/interactions/" + call,
                admin).body()).get("state").asText());

        HttpResponse<String> promised = complete(call, "{\"at\":\"" + in(Duration.ofSeconds(6)) + "\"}");
        assertEquals(promised.body(), 200, promised.statusCode());
        JsonNode callback = JSON.readTree(promised.body()).get("callback");
        String id = callback.get("id").asText();
        assertEquals(customer, callback.get("number").asText());
        assertEquals(agent, callback.get("agent").asText());
        assertEquals(queue, callback.get("queue").asText());
        assertEquals(call, callback.get("interaction").asText());
        assertThat(http().get("/api/v1/callbacks", agentRole).body(), containsString(id));

        Await.until("the callback offered to " + agent, Duration.ofSeconds(30), () -> JSON.readTree(
                http().get("/api/v1/agents/" + agent, admin).body()).get("interactions").toString().contains(id));
        JsonNode offered = JSON.readTree(http().get("/api/v1/interactions/" + id, admin).body());
        assertEquals("CALLBACK", offered.get("channel").asText());
        assertEquals(customer, offered.get("customer").asText());
        assertEquals(queue, offered.get("queue").asText());
        assertThat(http().get("/api/v1/callbacks", admin).body(), not(containsString(id)));
        assertEquals(404, http().delete("/api/v1/callbacks/" + id, admin).statusCode());
    }

    @Test
    public void aCallbackIsListedForItsAgentAndSupervisorsAndCancelled() throws Exception {
        String chat = handledUpToWrapUp("CHAT");
        assertEquals("a chat's customer has no number", "callback.number",
                field(complete(chat, "{\"at\":\"" + in(Duration.ofDays(1)) + "\"}")));
        HttpResponse<String> promised = complete(chat, "{\"at\":\"" + in(Duration.ofDays(1))
                + "\",\"number\":\"+74951234567\"}");
        assertEquals(promised.body(), 200, promised.statusCode());
        String id = JSON.readTree(promised.body()).get("callback").get("id").asText();

        String tomorrow = "?from=" + in(Duration.ofHours(23)).replace("+", "%2B") + "&to="
                + in(Duration.ofHours(25)).replace("+", "%2B");
        assertThat(http().get("/api/v1/callbacks" + tomorrow, admin).body(), containsString(id));
        assertThat(http().get("/api/v1/callbacks" + tomorrow, agentRole).body(), containsString(id));
        assertThat(http().get("/api/v1/callbacks?to=" + in(Duration.ofHours(1)).replace("+", "%2B"), admin).body(),
                not(containsString(id)));
        String colleague = Http.basic(AGENT, AGENT_PASSWORD);
        assertThat(http().get("/api/v1/callbacks", colleague).body(), not(containsString(id)));
        assertEquals(404, http().delete("/api/v1/callbacks/" + id, colleague).statusCode());
        assertEquals("from", field(http().get("/api/v1/callbacks?from=soon", admin)));

        assertEquals(204, http().delete("/api/v1/callbacks/" + id, agentRole).statusCode());
        assertThat(http().get("/api/v1/callbacks", admin).body(), not(containsString(id)));
        Await.until("scheduling and cancelling in the audit log", Duration.ofSeconds(10), () -> {
            String audit = http().get("/api/v1/audit?limit=200", admin).body();
            return audit.contains("\"callback.schedule\"") && audit.contains("\"callback.cancel\"")
                    && audit.contains(id);
        });
    }

    @Test
    public void aCallbackScheduledBeforeDistributionRestartsIsStillPlaced() throws Exception {
        String call = handledUpToWrapUp("VOICE");
        HttpResponse<String> promised = complete(call, "{\"at\":\"" + in(Duration.ofSeconds(8)) + "\"}");
        assertEquals(promised.body(), 200, promised.statusCode());
        String id = JSON.readTree(promised.body()).get("callback").get("id").asText();

        Bundle core = bundle("org.switchboard.core");
        core.stop();
        core.start();

        Await.until("the callback offered after the restart", Duration.ofSeconds(60), () -> {
            HttpResponse<String> view = http().get("/api/v1/agents/" + agent, admin);
            return view.statusCode() == 200 && JSON.readTree(view.body()).get("interactions").toString().contains(id);
        });
    }

    /** An interaction of the test's customer, accepted and ended by the agent: in wrap-up. */
    private String handledUpToWrapUp(String channel) throws Exception {
        HttpResponse<String> pushed = http().post("/api/v1/interactions", admin, "{\"channel\":\"" + channel
                + "\",\"queue\":\"" + queue + "\",\"customer\":\"" + (channel.equals("VOICE") ? customer : "web-" + suffix)
                + "\",\"priority\":2}");
        assertEquals(pushed.body(), 201, pushed.statusCode());
        String id = JSON.readTree(pushed.body()).get("id").asText();
        assertEquals(204, http().post("/api/v1/interactions/" + id + "/accept", agentRole, "").statusCode());
        assertEquals(204, http().post("/api/v1/interactions/" + id + "/end", agentRole, "").statusCode());
        return id;
    }

    private HttpResponse<String> complete(String id, String callback) throws Exception {
        return http().post("/api/v1/interactions/" + id + "/complete", agentRole,
                "{\"disposition\":\"sale\",\"callback\":" + callback + "}");
    }

    private static String field(HttpResponse<String> response) throws Exception {
        assertEquals(response.body(), 400, response.statusCode());
        return JSON.readTree(response.body()).get("field").asText();
    }

    private static String in(Duration from) {
        return OffsetDateTime.now(ZoneOffset.ofHours(3)).plus(from).withNano(0).toString();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("No bundle " + symbolicName);
    }
}
