package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.node.NodeStatusService;

/** The assembled appliance: features, health, authentication, roles, problem reports, OpenAPI, shell, console. */
public class ApplianceIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CAPABILITIES = List.of("switchboard", "switchboard-api", "switchboard-config",
            "switchboard-acd", "switchboard-console", "switchboard-node", "switchboard-persistence", "switchboard-rest",
            "switchboard-security", "switchboard-shell");

    @Before
    public void ready() throws Exception {
        awaitHealthy();
    }

    @Test
    public void everyCapabilityIsInstalledAndStarted() throws Exception {
        Set<String> installed = Stream.of(features.listInstalledFeatures()).map(Feature::getName)
                .collect(Collectors.toSet());
        for (String capability : CAPABILITIES) {
            assertTrue(capability + " installed", installed.contains(capability));
            Feature feature = features.getFeature(capability);
            assertEquals(capability, FeatureState.Started, features.getState(feature.getId()));
        }
        assertNotNull(bundleContext.getServiceReference(NodeStatusService.class));
    }

    @Test
    public void healthIsPublicAndReportsTheDatabase() throws Exception {
        HttpResponse<String> response = http().get("/api/v1/health", null);

        assertEquals(200, response.statusCode());
        JsonNode health = JSON.readTree(response.body());
        assertEquals("UP", health.get("status").asText());
        assertEquals("UP", health.get("database").asText());
        assertThat(health.get("databaseDetail").asText(), containsString("H2"));
        assertEquals("0.1.0-SNAPSHOT", health.get("version").asText());
        assertTrue(health.get("uptimeSeconds").asLong() >= 0);
        assertTrue(health.get("node").asText().length() > 0);
        List<String> names = health.get("features").findValuesAsText("name");
        assertTrue(names.toString(), names.containsAll(CAPABILITIES));
    }

    @Test
    public void everyOtherEndpointNeedsCredentials() throws Exception {
        for (String path : List.of("/api/v1/node", "/api/v1/auth/me", "/api/v1/audit", "/api/openapi.json")) {
            HttpResponse<String> response = http().get(path, null);
            assertEquals(path, 401, response.statusCode());
            assertThat(path, response.headers().firstValue("WWW-Authenticate").orElse(""), containsString("Basic"));
            assertEquals(path, "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
        assertEquals(401, http().get("/api/v1/node", Http.basic("admin", "wrong")).statusCode());
        assertEquals(401, http().get("/api/v1/node", Http.bearer("not-a-session")).statusCode());
    }

    @Test
    public void generatedAdminPasswordOpensTheApi() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(karafData().resolve("admin.password"))));

        HttpResponse<String> response = http().get("/api/v1/node", Http.basic("admin", adminPassword()));

        assertEquals(200, response.statusCode());
        assertEquals("UP", JSON.readTree(response.body()).get("database").asText());
    }

    @Test
    public void sessionTokenFlow() throws Exception {
        HttpResponse<String> signIn = http().post("/api/v1/auth/session", null,
                "{\"username\":\"admin\",\"password\":\"" + adminPassword() + "\"}");
        assertEquals(signIn.body(), 201, signIn.statusCode());
        String token = JSON.readTree(signIn.body()).get("token").asText();

        HttpResponse<String> me = http().get("/api/v1/auth/me", Http.bearer(token));
        assertEquals(200, me.statusCode());
        assertEquals("admin", JSON.readTree(me.body()).get("user").asText());
        assertThat(me.body(), containsString("supervisor"));

        assertEquals(204, http().delete("/api/v1/auth/session", Http.bearer(token)).statusCode());
        HttpResponse<String> after = http().get("/api/v1/auth/me", Http.bearer(token));
        assertEquals(401, after.statusCode());
        assertThat(after.headers().firstValue("WWW-Authenticate").orElse(""), containsString("Bearer"));
    }

    @Test
    public void signInIsAudited() throws Exception {
        String password = adminPassword();
        http().post("/api/v1/auth/session", null, "{\"username\":\"admin\",\"password\":\"wrong\"}");
        http().post("/api/v1/auth/session", null, "{\"username\":\"admin\",\"password\":\"" + password + "\"}");

        Await.until("sign-in entries in the audit log", java.time.Duration.ofSeconds(10), () -> {
            String audit = http().get("/api/v1/audit?limit=50", Http.basic("admin", password)).body();
            return audit.contains("auth.sign-in-refused") && audit.contains("\"auth.sign-in\"");
        });
    }

    @Test
    public void rolesLimitWhatAUserMayDo() throws Exception {
        String agent = Http.basic(AGENT, AGENT_PASSWORD);
        HttpResponse<String> me = http().get("/api/v1/auth/me", agent);
        assertEquals(200, me.statusCode());
        assertEquals("[\"agent\"]", JSON.readTree(me.body()).get("roles").toString());

        HttpResponse<String> audit = http().get("/api/v1/audit", agent);
        assertEquals(403, audit.statusCode());
        assertThat(audit.body(), containsString("admin"));
    }

    @Test
    public void badInputIsReportedNamingTheField() throws Exception {
        String admin = Http.basic("admin", adminPassword());

        HttpResponse<String> limit = http().get("/api/v1/audit?limit=lots", admin);
        assertEquals(400, limit.statusCode());
        assertEquals("limit", JSON.readTree(limit.body()).get("field").asText());

        HttpResponse<String> missing = http().post("/api/v1/auth/session", null, "{\"username\":\"admin\"}");
        assertEquals(400, missing.statusCode());
        assertEquals("password", JSON.readTree(missing.body()).get("field").asText());

        HttpResponse<String> unknown = http().post("/api/v1/auth/session", null,
                "{\"username\":\"admin\",\"password\":\"x\",\"pasword\":\"y\"}");
        assertEquals(400, unknown.statusCode());
        assertEquals("pasword", JSON.readTree(unknown.body()).get("field").asText());

        HttpResponse<String> malformed = http().post("/api/v1/auth/session", null, "{\"username\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    public void openApiDescribesTheApi() throws Exception {
        HttpResponse<String> response = http().get("/api/openapi.json", Http.basic("admin", adminPassword()));

        assertEquals(200, response.statusCode());
        JsonNode paths = JSON.readTree(response.body()).get("paths");
        for (String path : List.of("/v1/health", "/v1/node", "/v1/auth/session", "/v1/auth/me", "/v1/audit",
                "/v1/queues/{name}", "/v1/agents/{login}/state", "/v1/interactions", "/v1/interactions/{id}/history")) {
            assertTrue(path + " in " + paths, paths.has(path));
        }
    }

    @Test
    public void statusCommandPrintsTheNodeStatus() throws Exception {
        String table = shell("cc:status");
        assertThat(table, containsString("Database   UP"));
        assertThat(table, containsString("switchboard-rest"));

        JsonNode json = JSON.readTree(shell("cc:status --json"));
        assertEquals("UP", json.get("database").asText());
        assertEquals("0.1.0-SNAPSHOT", json.get("version").asText());
    }

    @Test
    public void consoleServesItsPageAndScripts() throws Exception {
        HttpResponse<String> page = http().get("/console/index.html", null);
        assertEquals(200, page.statusCode());
        assertThat(page.body(), containsString("<div id=\"app\">"));
        java.util.regex.Matcher script = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(page.body());
        assertTrue("the page loads its script from the hashed assets", script.find());
        assertEquals(200, http().get(script.group(1), null).statusCode());
        assertEquals(302, http().get("/console", null).statusCode());
    }
}
