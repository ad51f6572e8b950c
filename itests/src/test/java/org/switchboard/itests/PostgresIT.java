package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assume.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.Test;

/** The appliance on PostgreSQL, chosen by editing the datasource configuration alone. */
public class PostgresIT {

    @Test
    public void applianceRunsOnPostgresqlByConfigurationAlone() throws Exception {
        assumeFalse("PostgreSQL tests switched off", "off".equals(System.getProperty("switchboard.it.postgres")));
        try (PostgresServer postgres = PostgresServer.start(); ApplianceProcess appliance = ApplianceProcess.create()) {
            String datasource = "org.ops4j.datasource-switchboard.cfg";
            appliance.configure(datasource, "osgi.jdbc.driver.class", "org.postgresql.Driver");
            appliance.configure(datasource, "url", postgres.jdbcUrl());
            appliance.configure(datasource, "user", "postgres");
            appliance.configure(datasource, "password", "");
            appliance.start();

            Http http = appliance.http();
            JsonNode health = new ObjectMapper().readTree(http.get("/api/v1/health", null).body());
            assertEquals("UP", health.get("database").asText());
            assertThat(health.get("databaseDetail").asText(), containsString("PostgreSQL 15"));

            String password = appliance.adminPassword();
            assertEquals(201, http.post("/api/v1/auth/session", null,
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}").statusCode());
            Await.until("the sign-in stored in PostgreSQL", Duration.ofSeconds(10),
                    () -> "1".equals(postgres.query("SELECT count(*) FROM audit_log WHERE action = 'auth.sign-in'")));
            assertEquals("1", postgres.query("SELECT start_count FROM node_info"));
            String admin = Http.basic("admin", password);
            String callback = promiseCallback(http, admin);
            Await.until("the customer's interaction summed up in PostgreSQL", Duration.ofSeconds(10), () -> http
                    .get("/api/v1/customers/+74950000042/interactions", admin).body().contains("\"disposition\":\"sale\""));

            appliance.stop();
            appliance.start();

            Await.until("the scheduled callback listed after the restart", Duration.ofSeconds(60),
                    () -> http.get("/api/v1/callbacks", admin).body().contains(callback));
            assertEquals(204, http.delete("/api/v1/callbacks/" + callback, admin).statusCode());

            assertThat(http.get("/api/v1/audit", Http.basic("admin", password)).body(), containsString("\"auth.sign-in\""));
            assertEquals("2", postgres.query("SELECT start_count FROM node_info"));
            appliance.stop();
            LogChecker.assertNoUnexpectedErrors(appliance.log(), LogChecker.KARAF_NOISE);
        }
    }

    /** A call taken and completed with a callback promised for tomorrow; answers the callback's id. */
    private static String promiseCallback(Http http, String admin) throws Exception {
        // Health answers before every capability's endpoints are there.
        Await.until("the queues endpoint", Duration.ofSeconds(60), () -> http.put("/api/v1/queues/pg-sales", admin,
                "{\"groups\":[\"pg-sales\"]}").statusCode() == 200);
        assertEquals(200, http.put("/api/v1/agents/pg-anna", admin, "{\"groups\":[\"pg-sales\"],"
                + "\"capacity\":{\"VOICE\":1}}").statusCode());
        http.post("/api/v1/agents/pg-anna/login", admin, "");
        http.put("/api/v1/agents/pg-anna/state", admin, "{\"state\":\"READY\"}");
        assertEquals(201, http.post("/api/v1/interactions", admin, "{\"id\":\"pg-call\",\"channel\":\"VOICE\","
                + "\"queue\":\"pg-sales\",\"customer\":\"+74950000042\"}").statusCode());
        assertEquals(204, http.post("/api/v1/interactions/pg-call/accept", admin, "{\"agent\":\"pg-anna\"}").statusCode());
        assertEquals(204, http.post("/api/v1/interactions/pg-call/end", admin, "").statusCode());
        HttpResponse<String> completed = http.post("/api/v1/interactions/pg-call/complete", admin,
                "{\"disposition\":\"sale\",\"callback\":{\"at\":\""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0) + "\"}}");
        assertEquals(completed.body(), 200, completed.statusCode());
        return new ObjectMapper().readTree(completed.body()).get("callback").get("id").asText();
    }
}
