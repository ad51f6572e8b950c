package org.switchboard.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdListener;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.store.KeptContacts;
import org.switchboard.api.store.QueuedContact;

/**
 * Keeps in {@code acd_kept_contact} every contact in line that can outlive the process (all but live calls),
 * from the distribution events, on its listener thread: from entering the line until accepted or gone.
 */
@Component(service = {AcdListener.class, KeptContacts.class})
public class JdbcKeptContacts implements AcdListener, KeptContacts {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKeptContacts.class);
    private static final String DELETE = "DELETE FROM acd_kept_contact WHERE interaction_id = ?";

    @Reference
    SwitchboardDatabase database;

    @Override
    public void onEvent(AcdEvent event) {
        if (!concerns(event)) {
            // Most events (offers, state changes, wrap-ups, calls entering) change nothing kept: no transaction.
            return;
        }
        try {
            Jdbc.inTransaction(database.dataSource(), connection -> {
                apply(connection, event);
                return null;
            });
        } catch (IllegalStateException e) {
            LOG.error("Kept contacts not updated for {}: {}", event, e.getMessage());
        }
    }

    /** Whether the event can change what is kept. */
    private static boolean concerns(AcdEvent event) {
        return event instanceof AcdEvent.Queued queued ? !queued.requeued() && outlivesProcess(queued.interaction())
                : event instanceof AcdEvent.Overflowed overflowed ? overflowed.action() != MaxWait.Action.CALLBACK
                : event instanceof AcdEvent.CallbackRequested || event instanceof AcdEvent.Moved
                        || event instanceof AcdEvent.Accepted || event instanceof AcdEvent.Abandoned
                        || event instanceof AcdEvent.Dropped;
    }

    private static void apply(Connection connection, AcdEvent event) throws SQLException {
        if (event instanceof AcdEvent.Queued queued) {
            keep(connection, queued.interaction(), queued.at(), queued.at());
        } else if (event instanceof AcdEvent.CallbackRequested requested) {
            keep(connection, requested.callback(), requested.waitingSince(), requested.waitingSince());
        } else if (event instanceof AcdEvent.Moved moved) {
            Interaction contact = moved.interaction();
            boolean otherQueue = !contact.queue().equals(moved.fromQueue());
            Jdbc.update(connection, "UPDATE acd_kept_contact SET queue_name = ?, priority = ?"
                    + (otherQueue ? ", queued_here_at = ?" : "") + " WHERE interaction_id = ?",
                    otherQueue ? new Object[] {contact.queue(), contact.priority(), utc(moved.at()), contact.id()}
                            : new Object[] {contact.queue(), contact.priority(), contact.id()});
        } else if (event instanceof AcdEvent.Overflowed overflowed) {
            if (overflowed.action() == MaxWait.Action.QUEUE) {
                Jdbc.update(connection, "UPDATE acd_kept_contact SET queue_name = ?, queued_here_at = ?"
                        + " WHERE interaction_id = ?", overflowed.target(), utc(overflowed.at()), overflowed.interactionId());
            } else if (overflowed.action() == MaxWait.Action.MESSAGE) {
                Jdbc.update(connection, DELETE, overflowed.interactionId());
            }
        } else if (event instanceof AcdEvent.Accepted accepted) {
            Jdbc.update(connection, DELETE, accepted.interactionId());
        } else if (event instanceof AcdEvent.Abandoned abandoned) {
            Jdbc.update(connection, DELETE, abandoned.interactionId());
        } else if (event instanceof AcdEvent.Dropped dropped) {
            Jdbc.update(connection, DELETE, dropped.interactionId());
        }
    }

    /** A live call ends with the process that carries it; every other contact can be taken up again. */
    private static boolean outlivesProcess(Interaction interaction) {
        return interaction.channel() != Channel.VOICE;
    }

    private static void keep(Connection connection, Interaction contact, Instant enqueuedAt, Instant queuedHereAt)
            throws SQLException {
        Jdbc.update(connection, DELETE, contact.id());
        Jdbc.update(connection, "INSERT INTO acd_kept_contact (interaction_id, channel, queue_name, priority,"
                + " entry_point, customer, requirements, attributes, created_at, enqueued_at, queued_here_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", contact.id(), contact.channel().name(), contact.queue(),
                contact.priority(), contact.entryPoint(), contact.customer(),
                PropertiesText.encodeRequirements(contact.requirements()), PropertiesText.encode(contact.attributes()),
                utc(contact.createdAt()), utc(enqueuedAt), utc(queuedHereAt));
    }

    @Override
    public List<QueuedContact> pending() {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT interaction_id, channel, queue_name, priority, entry_point, customer, requirements, attributes,"
                        + " created_at, enqueued_at, queued_here_at, seq FROM acd_kept_contact ORDER BY enqueued_at, seq",
                row -> new QueuedContact(new Interaction(row.getString(1), Channel.valueOf(row.getString(2)),
                        row.getString(3), row.getInt(4),
                        PropertiesText.decodeRequirements(row.getString(7)),
                        row.getString(5), row.getString(6), PropertiesText.decode(row.getString(8)), row.getObject(9, OffsetDateTime.class).toInstant()),
                        row.getLong(12), row.getObject(10, OffsetDateTime.class).toInstant(), row.getObject(11, OffsetDateTime.class).toInstant())));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
