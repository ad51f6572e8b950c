package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;

/** A customer's past interactions for the agent's screen pop, in the assembled appliance. */
public class CustomerHistoryIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String queue = "pop-" + suffix;
    private final String agent = "pop-agent-" + suffix;
    private final String customer = "+7916" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000L);
    private String admin;
    private String agentRole;

    @Before
    public void configure() throws Exception {
        awaitHealthy();
        admin = Http.basic("admin", adminPassword());
        agentRole = readyAgentOfItsOwnQueue(admin, queue, agent, 60);
    }

    @Test
    public void theAgentOfferedACustomerSeesTheirPastInteractionsNewestFirst() throws Exception {
        String first = push("CHAT");
        assertEquals(204, http().post("/api/v1/interactions/" + first + "/accept", agentRole, "").statusCode());
        assertEquals(204, http().post("/api/v1/interactions/" + first + "/end", agentRole, "").statusCode());
        assertEquals(204, http().post("/api/v1/interactions/" + first + "/complete", agentRole,
                "{\"disposition\":\"sale\",\"note\":\"ordered a kettle\"}").statusCode());

        String second = push("VOICE");
        String path = "/api/v1/customers/" + customer + "/interactions";
        Await.until("both interactions of " + customer + " recorded", Duration.ofSeconds(20),
                () -> JSON.readTree(http().get(path, agentRole).body()).size() == 2);
        JsonNode past = JSON.readTree(http().get(path, agentRole).body());
        assertEquals(second, past.get(0).get("id").asText());
        assertEquals("VOICE", past.get(0).get("channel").asText());
        assertFalse("still going on", past.get(0).has("endedAt"));
        JsonNode done = past.get(1);
        assertEquals(first, done.get("id").asText());
        assertEquals("CHAT", done.get("channel").asText());
        assertEquals(queue, done.get("queue").asText());
        assertEquals("+74951110000", done.get("entryPoint").asText());
        assertEquals(agent, done.get("agent").asText());
        assertEquals("sale", done.get("disposition").asText());
        assertEquals("ordered a kettle", done.get("note").asText());
        assertTrue(done.has("startedAt") && done.has("endedAt"));

        assertEquals(1, JSON.readTree(http().get(path + "?limit=1", agentRole).body()).size());
        HttpResponse<String> badLimit = http().get(path + "?limit=0", agentRole);
        assertEquals(400, badLimit.statusCode());
        assertEquals("limit", JSON.readTree(badLimit.body()).get("field").asText());

        assertEquals(204, http().post("/api/v1/interactions/" + second + "/abandon", admin, "").statusCode());
        Await.until("the abandoned call's end recorded", Duration.ofSeconds(20),
                () -> JSON.readTree(http().get(path, admin).body()).get(0).has("endedAt"));
    }

    @Test
    public void agentsSeeOnlyTheCustomersTheyServeAndSupervisorsAny() throws Exception {
        String other = "/api/v1/customers/" + customer + "/interactions";
        assertEquals("not serving this customer", 403, http().get(other, agentRole).statusCode());
        assertEquals(403, http().get(other, Http.basic(AGENT, AGENT_PASSWORD)).statusCode());
        assertEquals(200, http().get(other, admin).statusCode());
        assertEquals("[]", http().get("/api/v1/customers/nobody-" + suffix + "/interactions", admin).body());
    }

    private String push(String channel) throws Exception {
        HttpResponse<String> pushed = http().post("/api/v1/interactions", admin, "{\"channel\":\"" + channel
                + "\",\"queue\":\"" + queue + "\",\"customer\":\"" + customer + "\",\"entryPoint\":\"+74951110000\"}");
        assertEquals(pushed.body(), 201, pushed.statusCode());
        return JSON.readTree(pushed.body()).get("id").asText();
    }
}
