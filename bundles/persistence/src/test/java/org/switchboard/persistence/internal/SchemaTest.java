package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;

public class SchemaTest {

    private JdbcDataSource dataSource;

    @Before
    public void migrateFreshDatabase() {
        dataSource = TestDatabases.fresh();
        SwitchboardDatabase.migrate(dataSource);
    }

    @Test
    public void migrationIsRepeatable() {
        assertEquals(0, SwitchboardDatabase.migrate(dataSource).migrationsExecuted);
    }

    @Test
    public void nodeStartsAreCounted() throws Exception {
        OffsetDateTime now = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        assertEquals(1, NodeRegistry.recordStart(dataSource, "branch-1", "1.0", now));
        assertEquals(2, NodeRegistry.recordStart(dataSource, "branch-1", "1.1", now.plusMinutes(1)));
        assertEquals(1, NodeRegistry.recordStart(dataSource, "branch-2", "1.1", now));
    }

    @Test
    public void auditEntriesAreStored() throws Exception {
        JdbcAuditLog.insert(dataSource, OffsetDateTime.now(ZoneOffset.UTC), "admin", "feature.install", "x", null);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT actor, action FROM audit_log")) {
            result.next();
            assertEquals("admin", result.getString(1));
            assertEquals("feature.install", result.getString(2));
        }
    }
}
