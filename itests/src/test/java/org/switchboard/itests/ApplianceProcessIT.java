package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The distribution run with bin/karaf and bin/client as an operator runs it: restart, shell client. */
public class ApplianceProcessIT {

    private ApplianceProcess appliance;

    @Before
    public void start() throws Exception {
        appliance = ApplianceProcess.create();
        appliance.start();
    }

    @After
    public void stop() throws Exception {
        appliance.stopAndCheckLog();
    }

    @Test
    public void restartKeepsDataInTheEmbeddedDatabase() throws Exception {
        String password = appliance.adminPassword();
        Http http = appliance.http();
        assertEquals(201, http.post("/api/v1/auth/session", null,
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}").statusCode());
        Await.until("the sign-in in the audit log", Duration.ofSeconds(10),
                () -> http.get("/api/v1/audit", Http.basic("admin", password)).body().contains("\"auth.sign-in\""));

        assertEquals(200, http.put("/api/v1/queues/kept", Http.basic("admin", password),
                "{\"strategy\":\"BEST_SKILL\",\"wrapUpSeconds\":45,\"widening\":[{\"afterSeconds\":30,"
                        + "\"lowerLevelsBy\":2,\"addGroups\":[\"overflow\"]}]}").statusCode());
        assertEquals(200, http.put("/api/v1/agents/kept-agent", Http.basic("admin", password),
                "{\"skills\":{\"returns\":7}}").statusCode());
        assertEquals(200, http.post("/api/v1/agents/kept-agent/login", Http.basic("admin", password),
                "{\"extension\":\"2001\"}").statusCode());
        assertEquals(200, http.put("/api/v1/agents/kept-agent/state", Http.basic("admin", password),
                "{\"state\":\"NOT_READY\",\"reason\":\"training\"}").statusCode());
        String admin = Http.basic("admin", password);
        for (String contact : List.of("{\"id\":\"kept-call\",\"channel\":\"VOICE\",\"customer\":\"+74950000001\"",
                "{\"id\":\"live-call\",\"channel\":\"VOICE\"", "{\"id\":\"kept-chat\",\"channel\":\"CHAT\"")) {
            assertEquals(201, http.post("/api/v1/interactions", admin, contact + ",\"queue\":\"kept\"}").statusCode());
        }
        assertEquals(204, http.post("/api/v1/interactions/kept-call/callback", admin, "{}").statusCode());

        appliance.stop();
        appliance.start();

        assertEquals("the admin password stays", password, appliance.adminPassword());
        String queue = http.get("/api/v1/queues/kept", Http.basic("admin", password)).body();
        assertThat(queue, containsString("BEST_SKILL"));
        assertThat(queue, containsString("\"wrapUpSeconds\":45"));
        assertThat(queue, containsString("\"addGroups\":[\"overflow\"]"));
        String agent = http.get("/api/v1/agents/kept-agent", Http.basic("admin", password)).body();
        assertThat(agent, containsString("\"returns\":7"));
        assertThat("signed in again, not ready for the same reason", agent,
                containsString("\"state\":\"NOT_READY\",\"reason\":\"training\""));
        assertThat("at the same phone", agent, containsString("\"extension\":\"2001\""));
        assertThat(http.get("/api/v1/audit", Http.basic("admin", password)).body(), containsString("\"auth.sign-in\""));
        assertThat("the callback and the chat are in line again in their order; a live call ended with the process",
                queue, containsString("\"waiting\":[\"kept-call\",\"kept-chat\"]"));
        assertTrue(Files.exists(appliance.home().resolve("data/db/switchboard.mv.db")));
        appliance.stop();
        // The log is buffered; it is complete once the appliance has stopped.
        assertThat(Files.readString(appliance.log()), containsString("start number 2 recorded"));
    }

    @Test
    public void clientPrintsTheNodeStatus() throws Exception {
        String status = appliance.client("cc:status");

        assertThat(status, containsString("Status     UP"));
        assertThat(status, containsString("Database   UP  H2"));
        assertThat(status, containsString("switchboard-console"));
    }
}
