package org.switchboard.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.voicemail.Voicemail;
import org.switchboard.api.voicemail.VoicemailStore;

/** Voicemail messages kept in the {@code voicemail} table. */
@Component
public class JdbcVoicemailStore implements VoicemailStore {

    private static final int MAX_LIMIT = 1000;
    private static final String COLUMNS = "id, mailbox, caller, dialed, received_at, duration_ms, file, heard_at";

    @Reference
    SwitchboardDatabase database;

    @Override
    public void add(Voicemail message) {
        Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.update(connection,
                "INSERT INTO voicemail (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                message.id(), message.mailbox(), message.caller(), message.dialed(), utc(message.receivedAt()),
                message.duration().toMillis(), message.file(), utc(message.heardAt())));
    }

    @Override
    public Optional<Voicemail> find(String id) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM voicemail WHERE id = ?", JdbcVoicemailStore::voicemail, id))
                .stream().findFirst();
    }

    @Override
    public List<Voicemail> ofMailbox(String mailbox, int limit) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM voicemail WHERE mailbox = ? ORDER BY seq DESC FETCH FIRST " + rows(limit)
                        + " ROWS ONLY", JdbcVoicemailStore::voicemail, mailbox));
    }

    @Override
    public List<Voicemail> recent(int limit) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT " + COLUMNS + " FROM voicemail ORDER BY seq DESC FETCH FIRST " + rows(limit) + " ROWS ONLY",
                JdbcVoicemailStore::voicemail));
    }

    @Override
    public boolean markHeard(String id, Instant at) {
        return Jdbc.inTransaction(database.dataSource(), connection -> {
            // The first listening counts: a later one leaves the time as it was.
            Jdbc.update(connection, "UPDATE voicemail SET heard_at = ? WHERE id = ? AND heard_at IS NULL", utc(at), id);
            return !Jdbc.query(connection, "SELECT id FROM voicemail WHERE id = ?", row -> row.getString(1), id).isEmpty();
        });
    }

    private static int rows(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Voicemail voicemail(ResultSet row) throws SQLException {
        OffsetDateTime heard = row.getObject(8, OffsetDateTime.class);
        return new Voicemail(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, OffsetDateTime.class).toInstant(), Duration.ofMillis(row.getLong(6)), row.getString(7),
                heard == null ? null : heard.toInstant());
    }
}
