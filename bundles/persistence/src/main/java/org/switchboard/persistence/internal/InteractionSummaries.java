package org.switchboard.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionSummary;
import org.switchboard.api.acd.MaxWait;

/**
 * Keeps {@code interaction_summary} (one row per interaction, with its customer) in step with distribution events,
 * and reads a customer's rows. An id used again later starts a new row once the earlier one has ended.
 */
final class InteractionSummaries {

    static final int MAX_NOTE = 4000;
    /** The current row of an interaction: its latest. */
    private static final String LATEST = " WHERE seq = (SELECT MAX(seq) FROM interaction_summary WHERE interaction_id = ?)";

    private InteractionSummaries() {
    }

    static void apply(Connection connection, AcdEvent event) throws SQLException {
        if (event instanceof AcdEvent.Queued queued && !queued.requeued()) {
            enter(connection, queued.interaction());
        } else if (event instanceof AcdEvent.Moved moved) {
            latest(connection, "queue_name = ?", moved.interaction().id(), moved.interaction().queue());
        } else if (event instanceof AcdEvent.CallbackRequested requested) {
            latest(connection, "channel = ?", requested.callback().id(), Channel.CALLBACK.name());
        } else if (event instanceof AcdEvent.Overflowed overflowed) {
            if (overflowed.action() == MaxWait.Action.QUEUE) {
                latest(connection, "queue_name = ?", overflowed.interactionId(), overflowed.target());
            } else if (overflowed.action() == MaxWait.Action.MESSAGE) {
                end(connection, overflowed.interactionId(), overflowed.at());
            }
        } else if (event instanceof AcdEvent.Accepted accepted) {
            latest(connection, "agent = ?", accepted.interactionId(), accepted.agent());
        } else if (event instanceof AcdEvent.Ended ended) {
            latest(connection, "agent = ?, ended_at = ?", ended.interactionId(), ended.agent(), utc(ended.at()));
        } else if (event instanceof AcdEvent.Completed completed) {
            latest(connection, "agent = ?, disposition = ?, note = ?, ended_at = COALESCE(ended_at, ?)",
                    completed.interactionId(), completed.agent(), completed.disposition(), shortened(completed.note()),
                    utc(completed.at()));
        } else if (event instanceof AcdEvent.Abandoned abandoned) {
            end(connection, abandoned.interactionId(), abandoned.at());
        } else if (event instanceof AcdEvent.Dropped dropped) {
            end(connection, dropped.interactionId(), dropped.at());
        }
    }

    /** A contact entering the line: a new row, unless it is its current one coming back (after a restart). */
    private static void enter(Connection connection, Interaction contact) throws SQLException {
        int current = Jdbc.update(connection, "UPDATE interaction_summary SET queue_name = ?, channel = ?" + LATEST
                + " AND ended_at IS NULL", contact.queue(), contact.channel().name(), contact.id());
        if (current == 0) {
            Jdbc.update(connection, "INSERT INTO interaction_summary (interaction_id, customer, channel, queue_name,"
                    + " entry_point, started_at) VALUES (?, ?, ?, ?, ?, ?)", contact.id(), contact.customer(),
                    contact.channel().name(), contact.queue(), contact.entryPoint(), utc(contact.createdAt()));
        }
    }

    private static void end(Connection connection, String interactionId, Instant at) throws SQLException {
        latest(connection, "ended_at = COALESCE(ended_at, ?)", interactionId, utc(at));
    }

    private static void latest(Connection connection, String assignments, String interactionId, Object... values)
            throws SQLException {
        Object[] parameters = new Object[values.length + 1];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = interactionId;
        Jdbc.update(connection, "UPDATE interaction_summary SET " + assignments + LATEST, parameters);
    }

    static List<InteractionSummary> forCustomer(Connection connection, String customer, int limit) throws SQLException {
        return Jdbc.query(connection, "SELECT interaction_id, channel, queue_name, entry_point, started_at, ended_at,"
                        + " agent, disposition, note FROM interaction_summary WHERE customer = ?"
                        + " ORDER BY started_at DESC, seq DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                row -> new InteractionSummary(row.getString(1), Channel.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4), row.getObject(5, OffsetDateTime.class).toInstant(),
                        instant(row.getObject(6, OffsetDateTime.class)), row.getString(7), row.getString(8),
                        row.getString(9)),
                customer);
    }

    private static String shortened(String note) {
        return note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
