package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;

/** Users and roles over REST in the assembled appliance, through Karaf's realm 'karaf'. */
public class UsersIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String admin;
    private final String user = "user-" + UUID.randomUUID().toString().substring(0, 8);

    @Before
    public void signIn() throws Exception {
        awaitHealthy();
        admin = Http.basic("admin", adminPassword());
    }

    @Test
    public void anAdministratorCreatesChangesAndRemovesAUser() throws Exception {
        JsonNode everyone = JSON.readTree(http().get("/api/v1/users", admin).body());
        assertEquals("[\"admin\"]", byName(everyone, "admin").get("roles").toString());
        assertEquals("[\"agent\"]", byName(everyone, AGENT).get("roles").toString());

        HttpResponse<String> created = http().put("/api/v1/users/" + user, admin,
                "{\"password\":\"first-secret\",\"roles\":[\"supervisor\"]}");
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("[\"supervisor\"]", JSON.readTree(created.body()).get("roles").toString());
        String firstPassword = Http.basic(user, "first-secret");
        assertThat(http().get("/api/v1/auth/me", firstPassword).body(), containsString("\"supervisor\""));
        assertEquals("a supervisor is no administrator", 403, http().get("/api/v1/users", firstPassword).statusCode());
        String token = JSON.readTree(http().post("/api/v1/auth/session", null,
                "{\"username\":\"" + user + "\",\"password\":\"first-secret\"}").body()).get("token").asText();

        HttpResponse<String> demoted = http().put("/api/v1/users/" + user, admin, "{\"roles\":[\"agent\"]}");
        assertEquals(demoted.body(), 200, demoted.statusCode());
        assertEquals("the session opened with the old roles ended", 401,
                http().get("/api/v1/auth/me", Http.bearer(token)).statusCode());
        JsonNode me = JSON.readTree(http().get("/api/v1/auth/me", firstPassword).body());
        assertEquals("[\"agent\"]", me.get("roles").toString());

        assertEquals(200, http().put("/api/v1/users/" + user, admin, "{\"password\":\"second-secret\"}").statusCode());
        assertEquals(401, http().get("/api/v1/auth/me", firstPassword).statusCode());
        assertEquals("the roles stayed", "[\"agent\"]", JSON.readTree(http().get("/api/v1/auth/me",
                Http.basic(user, "second-secret")).body()).get("roles").toString());

        String other = user + "-s";
        assertEquals(201, http().put("/api/v1/users/" + other, admin,
                "{\"password\":\"other-secret\",\"roles\":[\"supervisor\"]}").statusCode());
        assertThat("the supervisors' group was kept for the next supervisor", http().get("/api/v1/auth/me",
                Http.basic(other, "other-secret")).body(), containsString("\"supervisor\""));

        assertEquals(204, http().delete("/api/v1/users/" + user, admin).statusCode());
        assertEquals(204, http().delete("/api/v1/users/" + other, admin).statusCode());
        assertEquals(401, http().get("/api/v1/auth/me", Http.basic(user, "second-secret")).statusCode());
        assertEquals(404, http().delete("/api/v1/users/" + user, admin).statusCode());
        assertThat(http().get("/api/v1/users", admin).body(), not(containsString("\"" + user + "\"")));

        Await.until("the user's changes in the audit log", Duration.ofSeconds(10), () -> {
            String audit = http().get("/api/v1/audit?limit=200", admin).body();
            return audit.contains("\"user.create\"") && audit.contains("\"user.change\"")
                    && audit.contains("\"user.delete\"") && audit.contains(user);
        });
        String audit = http().get("/api/v1/audit?limit=200", admin).body();
        assertThat("no password is written to the audit log", audit, not(containsString("secret")));
    }

    @Test
    public void badInputNamesItsFieldAndTheLastAdministratorStays() throws Exception {
        HttpResponse<String> shortPassword = http().put("/api/v1/users/" + user, admin,
                "{\"password\":\"short\",\"roles\":[\"agent\"]}");
        assertEquals(400, shortPassword.statusCode());
        assertEquals("password", JSON.readTree(shortPassword.body()).get("field").asText());
        assertThat(shortPassword.body(), not(containsString("short\"")));
        HttpResponse<String> noPassword = http().put("/api/v1/users/" + user, admin, "{\"roles\":[\"agent\"]}");
        assertEquals(400, noPassword.statusCode());
        assertEquals("password", JSON.readTree(noPassword.body()).get("field").asText());
        HttpResponse<String> unknownRole = http().put("/api/v1/users/" + user, admin,
                "{\"password\":\"long-enough\",\"roles\":[\"janitor\"]}");
        assertEquals(400, unknownRole.statusCode());
        assertEquals("roles", JSON.readTree(unknownRole.body()).get("field").asText());
        assertEquals(404, http().get("/api/v1/users/" + user, admin).statusCode());

        assertEquals(409, http().delete("/api/v1/users/admin", admin).statusCode());
        HttpResponse<String> demoted = http().put("/api/v1/users/admin", admin, "{\"roles\":[\"agent\"]}");
        assertEquals(409, demoted.statusCode());
        assertThat(demoted.body(), containsString("last user with the role 'admin'"));
        assertEquals(200, http().get("/api/v1/users", admin).statusCode());

        String agentRole = Http.basic(AGENT, AGENT_PASSWORD);
        assertEquals(403, http().get("/api/v1/users", agentRole).statusCode());
        assertEquals(403, http().put("/api/v1/users/" + user, agentRole,
                "{\"password\":\"long-enough\",\"roles\":[\"admin\"]}").statusCode());
        assertEquals(403, http().delete("/api/v1/users/admin", agentRole).statusCode());
    }

    private static JsonNode byName(JsonNode users, String name) {
        for (JsonNode user : users) {
            if (name.equals(user.get("name").asText())) {
                return user;
            }
        }
        throw new AssertionError("No user '" + name + "' in " + users);
    }
}
