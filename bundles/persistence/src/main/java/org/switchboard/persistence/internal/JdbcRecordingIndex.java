package org.switchboard.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.media.Recording;
import org.switchboard.api.media.RecordingIndex;

/** Recordings listed in the {@code recording} table. */
@Component
public class JdbcRecordingIndex implements RecordingIndex {

    private static final int MAX_LIMIT = 1000;
    private static final String COLUMNS = "id, interaction_id, agent, caller, dialed, started_at, ended_at, file";

    @Reference
    SwitchboardDatabase database;

    @Override
    public void add(Recording recording) {
        Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.update(connection,
                "INSERT INTO recording (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                recording.id(), recording.interactionId(), recording.agent(), recording.caller(), recording.dialed(),
                OffsetDateTime.ofInstant(recording.startedAt(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(recording.endedAt(), ZoneOffset.UTC), recording.file()));
    }

    @Override
    public Optional<Recording> find(String id) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM recording WHERE id = ?", JdbcRecordingIndex::recording, id))
                .stream().findFirst();
    }

    @Override
    public List<Recording> ofInteraction(String interactionId) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM recording WHERE interaction_id = ? ORDER BY seq",
                JdbcRecordingIndex::recording, interactionId));
    }

    @Override
    public List<Recording> recent(int limit) {
        int rows = Math.max(1, Math.min(limit, MAX_LIMIT));
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM recording ORDER BY seq DESC FETCH FIRST " + rows + " ROWS ONLY",
                JdbcRecordingIndex::recording));
    }

    private static Recording recording(ResultSet row) throws SQLException {
        return new Recording(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getObject(6, OffsetDateTime.class).toInstant(), row.getObject(7, OffsetDateTime.class).toInstant(),
                row.getString(8));
    }
}
