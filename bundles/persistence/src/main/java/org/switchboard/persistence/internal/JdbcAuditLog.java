package org.switchboard.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;

/** Audit log in the {@code audit_log} table, written by one background thread and drained on shutdown. */
@Component
public class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int MAX_LIMIT = 1000;

    @Reference
    SwitchboardDatabase database;

    Clock clock = Clock.systemUTC();
    private ExecutorService writer;

    @Activate
    void activate() {
        writer = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "switchboard-audit-writer"));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.error("Audit entries still unwritten after 10 s at shutdown: {}", writer.shutdownNow().size());
        }
    }

    @Override
    public void record(String actor, String action, String target, String detail) {
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Runnable write = () -> insert(database.dataSource(), at, actor, action, target, detail);
        try {
            writer.execute(write);
        } catch (RejectedExecutionException stopping) {
            // A caller that still held this service while it stopped: write in its thread rather than lose it.
            write.run();
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        int rows = Math.max(1, Math.min(limit, MAX_LIMIT));
        String sql = "SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC";
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(rows);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    entries.add(new AuditEntry(result.getLong(1), result.getObject(2, OffsetDateTime.class).toInstant(),
                            result.getString(3), result.getString(4), result.getString(5), result.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log: " + e.getMessage(), e);
        }
        return entries;
    }

    static void insert(DataSource dataSource, OffsetDateTime at, String actor, String action, String target,
            String detail) {
        String sql = "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, at);
            statement.setString(2, actor);
            statement.setString(3, action);
            statement.setString(4, target);
            statement.setString(5, detail);
            statement.executeUpdate();
        } catch (SQLException e) {
            LOG.error("Audit entry not written ({} {} {}): {}", actor, action, target, e.getMessage());
        }
    }
}
