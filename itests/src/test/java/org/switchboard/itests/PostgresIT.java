package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assume.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
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

            appliance.stop();
            appliance.start();

            assertThat(http.get("/api/v1/audit", Http.basic("admin", password)).body(), containsString("\"auth.sign-in\""));
            assertEquals("2", postgres.query("SELECT start_count FROM node_info"));
            appliance.stop();
            LogChecker.assertNoUnexpectedErrors(appliance.log(), LogChecker.KARAF_NOISE);
        }
    }
}
