package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Test;

/** Contact distribution over REST in the assembled appliance: configure, push, accept, complete, delete. */
public class AcdIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each test has its own queue, served only by its own agents (a group named after the queue). */
    private String admin;
    private final String queue = "sales-" + UUID.randomUUID().toString().substring(0, 8);

    @Before
    public void configure() throws Exception {
        awaitHealthy();
        admin = Http.basic("admin", adminPassword());
        assertEquals(200, http().put("/api/v1/queues/" + queue, admin,
                "{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":60,\"groups\":[\"" + queue + "\"]}").statusCode());
    }

    @Test
    public void agentTakesAPushedChatFromOfferToCompletion() throws Exception {
        String agent = "anna-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(200, http().put("/api/v1/agents/" + agent, admin,
                "{\"name\":\"Anna\",\"groups\":[\"" + queue + "\"],\"skills\":{\"russian\":8},"
                + "\"capacity\":{\"CHAT\":3,\"VOICE\":1}}").statusCode());
        assertEquals("LOGGED_OUT", field(http().get("/api/v1/agents/" + agent, admin), "state"));

        assertEquals("NOT_READY", field(http().post("/api/v1/agents/" + agent + "/login", admin, ""), "state"));
        assertEquals("READY", field(http().put("/api/v1/agents/" + agent + "/state", admin,
                "{\"state\":\"READY\"}"), "state"));

        HttpResponse<String> pushed = http().post("/api/v1/interactions", admin, "{\"channel\":\"CHAT\",\"queue\":\""
                + queue + "\",\"skills\":[{\"skill\":\"russian\",\"minimumLevel\":5}],\"customer\":\"web-42\","
                + "\"attributes\":{\"order\":\"A-17\"}}");
        assertEquals(pushed.body(), 201, pushed.statusCode());
        String id = JSON.readTree(pushed.body()).get("id").asText();

        JsonNode offered = JSON.readTree(http().get("/api/v1/agents/" + agent, admin).body());
        assertEquals("RESERVED", offered.get("state").asText());
        assertEquals(id, offered.get("interactions").get(0).asText());

        String body = "{\"agent\":\"" + agent + "\"}";
        assertEquals(204, http().post("/api/v1/interactions/" + id + "/accept", admin, body).statusCode());
        assertEquals("BUSY", field(http().get("/api/v1/agents/" + agent, admin), "state"));
        assertEquals(204, http().post("/api/v1/interactions/" + id + "/end", admin, "").statusCode());
        assertEquals("WRAP_UP", field(http().get("/api/v1/agents/" + agent, admin), "state"));
        assertEquals(204, http().post("/api/v1/interactions/" + id + "/extend-wrap-up", admin, "{\"seconds\":30}")
                .statusCode());
        HttpResponse<String> tooLong = http().post("/api/v1/interactions/" + id + "/extend-wrap-up", admin,
                "{\"seconds\":100000}");
        assertEquals(400, tooLong.statusCode());
        assertEquals("seconds", JSON.readTree(tooLong.body()).get("field").asText());
        HttpResponse<String> unknownDisposition = http().post("/api/v1/interactions/" + id + "/complete", admin,
                "{\"disposition\":\"maybe\"}");
        assertEquals(400, unknownDisposition.statusCode());
        assertEquals("disposition", JSON.readTree(unknownDisposition.body()).get("field").asText());
        assertEquals(204, http().post("/api/v1/interactions/" + id + "/complete", admin,
                "{\"disposition\":\"sale\",\"note\":\"two items\"}").statusCode());

        assertEquals("no wrap-up to extend any more", 409, http().post("/api/v1/interactions/" + id
                + "/extend-wrap-up", admin, "{\"seconds\":30}").statusCode());
        JsonNode done = JSON.readTree(http().get("/api/v1/agents/" + agent, admin).body());
        assertEquals("READY", done.get("state").asText());
        assertEquals(1, done.get("handled").asInt());

        Await.until("the whole history recorded", Duration.ofSeconds(10), () -> http()
                .get("/api/v1/interactions/" + id + "/history", admin).body().contains("\"COMPLETED\""));
        JsonNode steps = JSON.readTree(http().get("/api/v1/interactions/" + id + "/history", admin).body());
        assertEquals(List.of("QUEUED", "OFFERED", "ACCEPTED", "ENDED", "COMPLETED"),
                steps.findValuesAsText("event"));
        assertThat(steps.get(4).get("detail").asText(), containsString("sale"));
        JsonNode states = JSON.readTree(http().get("/api/v1/agents/" + agent + "/states", admin).body());
        assertEquals("READY", states.get(0).get("to").asText());
        assertThat(shell("cc:agents"), containsString(agent));
        assertThat(shell("cc:agent-state " + agent + " not-ready training"), containsString("NOT_READY (training)"));

        JsonNode figures = JSON.readTree(http().get("/api/v1/queues/" + queue + "/figures", admin).body());
        assertEquals(1, figures.get("entered").asInt());
        assertEquals(1, figures.get("answered").asInt());
        assertEquals(1, figures.get("completed").asInt());
        assertEquals(100.0, figures.get("serviceLevelPercent").asDouble(), 0.001);
        assertEquals(80, figures.get("serviceLevelGoal").get("targetPercent").asInt());
        assertThat(shell("cc:queue-stats"), containsString(queue));
    }

    @Test
    public void contactsWaitInOrderWhenNoAgentIsFree() throws Exception {
        for (int i = 0; i < 3; i++) {
            http().post("/api/v1/interactions", admin,
                    "{\"id\":\"" + queue + "-" + i + "\",\"channel\":\"VOICE\",\"queue\":\"" + queue + "\"}");
        }
        JsonNode view = JSON.readTree(http().get("/api/v1/queues/" + queue, admin).body());
        assertEquals("[\"" + queue + "-0\",\"" + queue + "-1\",\"" + queue + "-2\"]", view.get("waiting").toString());

        assertThat(shell("cc:queues"), containsString(queue));
        assertThat(shell("cc:interactions --queue " + queue), containsString(queue + "-2"));
        assertEquals(204, http().post("/api/v1/interactions/" + queue + "-1/abandon", admin, "").statusCode());
        assertEquals(2, JSON.readTree(http().get("/api/v1/queues/" + queue, admin).body()).get("waiting").size());
    }

    @Test
    public void supervisorActsOnWaitingContactsAndIsAudited() throws Exception {
        for (int i = 0; i < 3; i++) {
            http().post("/api/v1/interactions", admin,
                    "{\"id\":\"" + queue + "-s" + i + "\",\"channel\":\"VOICE\",\"queue\":\"" + queue + "\"}");
        }
        assertEquals(204, http().post("/api/v1/interactions/" + queue + "-s2/move", admin, "{\"priority\":3}")
                .statusCode());
        assertEquals(204, http().post("/api/v1/interactions/" + queue + "-s0/drop", admin, "").statusCode());
        assertEquals("[\"" + queue + "-s2\",\"" + queue + "-s1\"]",
                JSON.readTree(http().get("/api/v1/queues/" + queue, admin).body()).get("waiting").toString());

        String agent = "carl-" + UUID.randomUUID().toString().substring(0, 8);
        http().put("/api/v1/agents/" + agent, admin, "{\"groups\":[\"elsewhere\"]}");
        http().post("/api/v1/agents/" + agent + "/login", admin, "");
        http().put("/api/v1/agents/" + agent + "/state", admin, "{\"state\":\"READY\"}");
        assertEquals("READY", field(http().get("/api/v1/agents/" + agent, admin), "state"));

        assertEquals(204, http().post("/api/v1/interactions/" + queue + "-s1/pull", admin,
                "{\"agent\":\"" + agent + "\"}").statusCode());
        assertEquals("RESERVED", field(http().get("/api/v1/agents/" + agent, admin), "state"));

        Await.until("supervisor actions in the audit log", Duration.ofSeconds(10), () -> {
            String audit = http().get("/api/v1/audit?limit=200", admin).body();
            return audit.contains(queue + "-s0") && audit.contains("interaction.pull") && audit.contains("agent.state");
        });
        assertEquals(403, http().post("/api/v1/interactions/" + queue + "-s2/drop", Http.basic(AGENT, AGENT_PASSWORD),
                "").statusCode());
    }

    @Test
    public void eventsStreamToSubscribers() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + Integer.getInteger("switchboard.it.http.port") + "/api/v1/events?queue=" + queue))
                .header("Authorization", admin).header("Accept", "text/event-stream").build();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<?> stream = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        try {
            String subscribed = lines.poll(30, TimeUnit.SECONDS);
            assertEquals("event: Subscribed", subscribed);
            String id = queue + "-streamed";
            http().post("/api/v1/interactions", admin,
                    "{\"id\":\"" + id + "\",\"channel\":\"EMAIL\",\"queue\":\"" + queue + "\"}");
            Await.until("the Queued event of " + id + " on the stream", Duration.ofSeconds(30), () -> {
                String line = lines.poll(1, TimeUnit.SECONDS);
                return line != null && line.startsWith("data:") && line.contains(id);
            });
        } finally {
            stream.cancel(true);
        }
        HttpRequest foreign = HttpRequest.newBuilder(request.uri())
                .header("Authorization", Http.basic(AGENT, AGENT_PASSWORD)).header("Accept", "text/event-stream").build();
        assertEquals("an agent may follow only their own events", 403,
                client.send(foreign, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    public void badRequestsNameWhatIsWrong() throws Exception {
        HttpResponse<String> unknownQueue = http().post("/api/v1/interactions", admin,
                "{\"channel\":\"CHAT\",\"queue\":\"no-such-queue\"}");
        assertEquals(404, unknownQueue.statusCode());
        assertEquals("queue", JSON.readTree(unknownQueue.body()).get("field").asText());

        HttpResponse<String> badChannel = http().post("/api/v1/interactions", admin,
                "{\"channel\":\"PIGEON\",\"queue\":\"" + queue + "\"}");
        assertEquals(400, badChannel.statusCode());
        assertEquals("channel", JSON.readTree(badChannel.body()).get("field").asText());

        HttpResponse<String> twinSteps = http().put("/api/v1/queues/" + queue, admin,
                "{\"widening\":[{\"afterSeconds\":30},{\"afterSeconds\":30,\"lowerLevelsBy\":1}]}");
        assertEquals(400, twinSteps.statusCode());
        assertEquals("widening.afterSeconds", JSON.readTree(twinSteps.body()).get("field").asText());

        HttpResponse<String> badLevel = http().put("/api/v1/agents/someone", admin, "{\"skills\":{\"russian\":11}}");
        assertEquals(400, badLevel.statusCode());
        assertEquals("skills.russian", JSON.readTree(badLevel.body()).get("field").asText());

        String agent = "boris-" + UUID.randomUUID().toString().substring(0, 8);
        http().put("/api/v1/agents/" + agent, admin, "{}");
        assertEquals("1001", field(http().post("/api/v1/agents/" + agent + "/login", admin,
                "{\"extension\":\"1001\"}"), "extension"));
        assertEquals("again at the same phone changes nothing", 200, http().post("/api/v1/agents/" + agent + "/login",
                admin, "{\"extension\":\"1001\"}").statusCode());
        HttpResponse<String> twice = http().post("/api/v1/agents/" + agent + "/login", admin,
                "{\"extension\":\"1002\"}");
        assertEquals(409, twice.statusCode());
        assertThat(twice.body(), containsString("NOT_READY"));
        assertThat(twice.body(), containsString("extension 1001"));
        HttpResponse<String> unknownReason = http().put("/api/v1/agents/" + agent + "/state", admin,
                "{\"state\":\"NOT_READY\",\"reason\":\"nap\"}");
        assertEquals(400, unknownReason.statusCode());
        assertEquals("reason", JSON.readTree(unknownReason.body()).get("field").asText());
        assertThat(unknownReason.body(), containsString("lunch"));
        assertEquals("lunch", field(http().put("/api/v1/agents/" + agent + "/state", admin,
                "{\"state\":\"NOT_READY\",\"reason\":\"lunch\"}"), "reason"));
        assertEquals(200, http().put("/api/v1/codes/reasons/nap", admin, "{\"label\":\"Power nap\"}").statusCode());
        assertThat(http().get("/api/v1/codes/reasons", admin).body(), containsString("Power nap"));
        assertEquals(404, http().get("/api/v1/codes/moods", admin).statusCode());


        HttpResponse<String> notOffered = http().post("/api/v1/interactions/nothing/accept", admin,
                "{\"agent\":\"" + agent + "\"}");
        assertEquals(409, notOffered.statusCode());

        assertEquals(404, http().post("/api/v1/agents/nobody-configured/login", admin, "").statusCode());
        assertEquals(403, http().put("/api/v1/queues/x", Http.basic(AGENT, AGENT_PASSWORD), "{}").statusCode());
    }

    @Test
    public void skillsAreACatalogueThatAgentsDrawFrom() throws Exception {
        String skill = "kazakh-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = "dana-" + UUID.randomUUID().toString().substring(0, 8);
        String agentRole = Http.basic(AGENT, AGENT_PASSWORD);
        assertEquals(403, http().put("/api/v1/skills/" + skill, agentRole, "{}").statusCode());
        assertEquals(skill, field(http().put("/api/v1/skills/" + skill, admin, "{\"description\":\"Speaks Kazakh\"}"),
                "name"));
        assertThat("any signed-in user reads the catalogue", http().get("/api/v1/skills", agentRole).body(),
                containsString("Speaks Kazakh"));
        assertThat(shell("cc:skills"), containsString(skill));
        JsonNode paths = JSON.readTree(http().get("/api/openapi.json", admin).body()).get("paths");
        for (String path : List.of("/v1/skills/{name}", "/v1/queues/{name}", "/v1/agents/{login}")) {
            assertTrue("DELETE " + path + " in the OpenAPI document", paths.path(path).has("delete"));
        }

        assertEquals(200, http().put("/api/v1/agents/" + agent, admin, "{\"skills\":{\"" + skill + "\":6}}")
                .statusCode());
        HttpResponse<String> inUse = http().delete("/api/v1/skills/" + skill, admin);
        assertEquals(409, inUse.statusCode());
        assertThat(inUse.body(), containsString("agent '" + agent + "'"));

        assertEquals(204, http().delete("/api/v1/agents/" + agent, admin).statusCode());
        assertEquals(204, http().delete("/api/v1/skills/" + skill, admin).statusCode());
        assertThat(http().get("/api/v1/skills", admin).body(), not(containsString(skill)));
        assertEquals(404, http().delete("/api/v1/skills/" + skill, admin).statusCode());
        Await.until("the skill's changes in the audit log", Duration.ofSeconds(10), () -> {
            String audit = http().get("/api/v1/audit?limit=200", admin).body();
            return audit.contains(skill) && audit.contains("\"skill.define\"") && audit.contains("\"skill.delete\"");
        });
    }

    @Test
    public void unknownSkillsAndQueuesAreNamed() throws Exception {
        String skill = "juggling-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> agentSkill = http().put("/api/v1/agents/someone", admin,
                "{\"skills\":{\"russian\":5,\"" + skill + "\":5}}");
        assertEquals(400, agentSkill.statusCode());
        assertEquals("skills", JSON.readTree(agentSkill.body()).get("field").asText());
        assertThat(JSON.readTree(agentSkill.body()).get("detail").asText(), containsString("'" + skill + "'"));
        assertEquals(404, http().get("/api/v1/agents/someone", admin).statusCode());

        HttpResponse<String> required = http().post("/api/v1/interactions", admin, "{\"channel\":\"CHAT\",\"queue\":\""
                + queue + "\",\"skills\":[{\"skill\":\"" + skill + "\",\"minimumLevel\":3}]}");
        assertEquals(400, required.statusCode());
        assertEquals("skills.skill", JSON.readTree(required.body()).get("field").asText());
        assertThat(JSON.readTree(required.body()).get("detail").asText(), containsString("'" + skill + "'"));
        assertEquals("nothing was queued", 0,
                JSON.readTree(http().get("/api/v1/queues/" + queue, admin).body()).get("waiting").size());

        String nowhere = "nowhere-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> unknownQueue = http().post("/api/v1/interactions", admin,
                "{\"channel\":\"CHAT\",\"queue\":\"" + nowhere + "\"}");
        assertEquals(404, unknownQueue.statusCode());
        assertEquals("queue", JSON.readTree(unknownQueue.body()).get("field").asText());
        assertThat(JSON.readTree(unknownQueue.body()).get("detail").asText(), containsString("'" + nowhere + "'"));
    }

    @Test
    public void aQueueIsDeletedOnlyOnceNoContactWaitsInIt() throws Exception {
        String id = queue + "-waiting";
        assertEquals(201, http().post("/api/v1/interactions", admin,
                "{\"id\":\"" + id + "\",\"channel\":\"VOICE\",\"queue\":\"" + queue + "\"}").statusCode());
        assertEquals(403, http().delete("/api/v1/queues/" + queue, Http.basic(AGENT, AGENT_PASSWORD)).statusCode());
        HttpResponse<String> busy = http().delete("/api/v1/queues/" + queue, admin);
        assertEquals(409, busy.statusCode());
        assertThat(busy.body(), containsString("'" + queue + "'"));
        assertEquals(200, http().get("/api/v1/queues/" + queue, admin).statusCode());

        assertEquals(204, http().post("/api/v1/interactions/" + id + "/abandon", admin, "").statusCode());
        Await.until("the contact gone from " + queue, Duration.ofSeconds(10), () -> JSON.readTree(
                http().get("/api/v1/queues/" + queue, admin).body()).get("waiting").size() == 0);
        assertEquals(204, http().delete("/api/v1/queues/" + queue, admin).statusCode());
        assertEquals(404, http().get("/api/v1/queues/" + queue, admin).statusCode());
        assertThat(http().get("/api/v1/queues", admin).body(), not(containsString("\"" + queue + "\"")));
        assertEquals(404, http().delete("/api/v1/queues/" + queue, admin).statusCode());
        Await.until("the queue's deletion in the audit log", Duration.ofSeconds(10), () -> {
            String audit = http().get("/api/v1/audit?limit=200", admin).body();
            return audit.contains("\"queue.delete\"") && audit.contains(queue);
        });
    }

    @Test
    public void anAgentIsDeletedOnlyOnceSignedOut() throws Exception {
        String agent = "emil-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(200, http().put("/api/v1/agents/" + agent, admin, "{\"skills\":{\"russian\":4}}").statusCode());
        assertEquals("NOT_READY", field(http().post("/api/v1/agents/" + agent + "/login", admin, ""), "state"));
        assertEquals(403, http().delete("/api/v1/agents/" + agent, Http.basic(AGENT, AGENT_PASSWORD)).statusCode());

        HttpResponse<String> signedIn = http().delete("/api/v1/agents/" + agent, admin);
        assertEquals(409, signedIn.statusCode());
        assertThat(signedIn.body(), containsString("NOT_READY"));
        assertEquals(200, http().get("/api/v1/agents/" + agent, admin).statusCode());

        assertEquals("LOGGED_OUT", field(http().post("/api/v1/agents/" + agent + "/logout", admin, ""), "state"));
        assertEquals(204, http().delete("/api/v1/agents/" + agent, admin).statusCode());
        assertEquals(404, http().get("/api/v1/agents/" + agent, admin).statusCode());
        assertEquals(404, http().delete("/api/v1/agents/" + agent, admin).statusCode());
        Await.until("the agent's deletion in the audit log", Duration.ofSeconds(10), () -> {
            String audit = http().get("/api/v1/audit?limit=200", admin).body();
            return audit.contains("\"agent.delete\"") && audit.contains(agent);
        });
    }

    private static String field(HttpResponse<String> response, String name) throws Exception {
        assertEquals(response.body(), 200, response.statusCode());
        return JSON.readTree(response.body()).get(name).asText();
    }
}
