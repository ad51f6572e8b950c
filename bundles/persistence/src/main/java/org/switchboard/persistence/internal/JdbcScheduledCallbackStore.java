package org.switchboard.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.acd.ScheduledCallbackStore;

/** Scheduled callbacks in {@code scheduled_callback} until they are due or cancelled. */
@Component(service = ScheduledCallbackStore.class)
public class JdbcScheduledCallbackStore implements ScheduledCallbackStore {

    private static final String COLUMNS = "id, interaction_id, queue_name, priority, requirements, entry_point,"
            + " phone_number, agent, attributes, due_at, created_at";

    @Reference
    SwitchboardDatabase database;

    @Override
    public void save(ScheduledCallback callback) {
        Jdbc.inTransaction(database.dataSource(), connection -> {
            Jdbc.update(connection, "DELETE FROM scheduled_callback WHERE id = ?", callback.id());
            return Jdbc.update(connection, "INSERT INTO scheduled_callback (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", callback.id(), callback.interactionId(),
                    callback.queue(), callback.priority(), PropertiesText.encodeRequirements(callback.requirements()),
                    callback.entryPoint(), callback.number(), callback.agent(), PropertiesText.encode(callback.attributes()),
                    utc(callback.at()), utc(callback.createdAt()));
        });
    }

    @Override
    public Optional<ScheduledCallback> find(String id) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM scheduled_callback WHERE id = ?", JdbcScheduledCallbackStore::callback, id))
                .stream().findFirst();
    }

    @Override
    public boolean remove(String id) {
        return Jdbc.inTransaction(database.dataSource(), connection ->
                Jdbc.update(connection, "DELETE FROM scheduled_callback WHERE id = ?", id) == 1);
    }

    @Override
    public List<ScheduledCallback> between(Instant from, Instant to) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM scheduled_callback WHERE due_at >= ? AND due_at < ? ORDER BY due_at, id",
                JdbcScheduledCallbackStore::callback, utc(from), utc(to)));
    }

    @Override
    public List<ScheduledCallback> pending() {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM scheduled_callback ORDER BY due_at, id", JdbcScheduledCallbackStore::callback));
    }

    private static ScheduledCallback callback(ResultSet row) throws SQLException {
        return new ScheduledCallback(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                PropertiesText.decodeRequirements(row.getString(5)), row.getString(6), row.getString(7),
                row.getString(8), PropertiesText.decode(row.getString(9)),
                row.getObject(10, OffsetDateTime.class).toInstant(), row.getObject(11, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
