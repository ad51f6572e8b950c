package org.switchboard.persistence.internal;

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
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateEntry;
import org.switchboard.api.acd.HistoryEntry;
import org.switchboard.api.acd.InteractionHistory;
import org.switchboard.api.acd.InteractionSummary;
import org.switchboard.api.acd.MaxWait;

/**
 * Writes distribution events to {@code interaction_event}, {@code interaction_summary} and {@code agent_state_log}.
 * It is a listener, so it runs on a thread of its own, never on the routing path.
 */
@Component(service = {AcdListener.class, InteractionHistory.class})
public class JdbcAcdHistory implements AcdListener, InteractionHistory {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAcdHistory.class);
    private static final String INSERT_STEP = "INSERT INTO interaction_event (at, interaction_id, event, queue_name,"
            + " agent, channel, detail) VALUES (?, ?, ?, ?, ?, ?, ?)";

    @Reference
    SwitchboardDatabase database;

    @Override
    public void onEvent(AcdEvent event) {
        try {
            Jdbc.inTransaction(database.dataSource(), connection -> {
                if (event instanceof AcdEvent.AgentStateChanged change) {
                    Jdbc.update(connection, "INSERT INTO agent_state_log (at, agent, from_state, to_state, reason,"
                            + " extension) VALUES (?, ?, ?, ?, ?, ?)", utc(change.at()), change.agent(),
                            change.from().name(), change.to().name(), change.reason(), change.extension());
                } else {
                    HistoryEntry step = step(event);
                    Jdbc.update(connection, INSERT_STEP, utc(step.at()), step.interactionId(), step.event(),
                            step.queue(), step.agent(), step.channel(), step.detail());
                    InteractionSummaries.apply(connection, event);
                }
                return null;
            });
        } catch (IllegalStateException e) {
            LOG.error("History not written for {}: {}", event, e.getMessage());
        }
    }

    /** The history row of an interaction event. */
    static HistoryEntry step(AcdEvent event) {
        if (event instanceof AcdEvent.Queued queued) {
            return new HistoryEntry(queued.at(), queued.interaction().id(), queued.requeued() ? "REQUEUED" : "QUEUED",
                    queued.interaction().queue(), null, queued.interaction().channel().name(),
                    "priority " + queued.interaction().priority() + ", customer " + queued.interaction().customer()
                            + ", entry point " + queued.interaction().entryPoint());
        } else if (event instanceof AcdEvent.Refused refused) {
            return new HistoryEntry(refused.at(), refused.interaction().id(), "REFUSED", refused.interaction().queue(),
                    null, refused.interaction().channel().name(), refused.reason());
        } else if (event instanceof AcdEvent.Offered offered) {
            return new HistoryEntry(offered.at(), offered.interactionId(), "OFFERED", offered.queue(), offered.agent(),
                    null, null);
        } else if (event instanceof AcdEvent.Accepted accepted) {
            return new HistoryEntry(accepted.at(), accepted.interactionId(), "ACCEPTED", null, accepted.agent(), null,
                    null);
        } else if (event instanceof AcdEvent.Declined declined) {
            return new HistoryEntry(declined.at(), declined.interactionId(), declined.timedOut() ? "MISSED" : "DECLINED",
                    null, declined.agent(), null, null);
        } else if (event instanceof AcdEvent.Withdrawn withdrawn) {
            return new HistoryEntry(withdrawn.at(), withdrawn.interactionId(), "WITHDRAWN", null, withdrawn.agent(),
                    null, null);
        } else if (event instanceof AcdEvent.Abandoned abandoned) {
            return new HistoryEntry(abandoned.at(), abandoned.interactionId(), "ABANDONED", abandoned.queue(), null,
                    null, null);
        } else if (event instanceof AcdEvent.Dropped dropped) {
            return new HistoryEntry(dropped.at(), dropped.interactionId(), "DROPPED", dropped.queue(), null, null, null);
        } else if (event instanceof AcdEvent.Moved moved) {
            return new HistoryEntry(moved.at(), moved.interaction().id(), "MOVED", moved.interaction().queue(), null,
                    moved.interaction().channel().name(),
                    "from queue " + moved.fromQueue() + ", priority " + moved.interaction().priority());
        } else if (event instanceof AcdEvent.CallbackRequested requested) {
            return new HistoryEntry(requested.at(), requested.callback().id(), "CALLBACK_REQUESTED",
                    requested.callback().queue(), null, requested.callback().channel().name(),
                    "call back " + requested.callback().customer());
        } else if (event instanceof AcdEvent.Overflowed overflowed) {
            return new HistoryEntry(overflowed.at(), overflowed.interactionId(), "OVERFLOWED", overflowed.queue(), null,
                    null, overflowed.action() == MaxWait.Action.QUEUE ? "to queue " + overflowed.target()
                            : overflowed.action().name().toLowerCase());
        } else if (event instanceof AcdEvent.Ended ended) {
            return new HistoryEntry(ended.at(), ended.interactionId(), "ENDED", null, ended.agent(), null, null);
        } else if (event instanceof AcdEvent.Completed completed) {
            String detail = completed.disposition() == null && completed.note() == null ? null
                    : "disposition " + completed.disposition() + ", note " + completed.note();
            return new HistoryEntry(completed.at(), completed.interactionId(), "COMPLETED", null, completed.agent(),
                    null, detail);
        }
        throw new IllegalArgumentException("No history row for " + event);
    }

    @Override
    public List<HistoryEntry> interaction(String interactionId) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT at, interaction_id, event, queue_name, agent, channel, detail FROM interaction_event"
                        + " WHERE interaction_id = ? ORDER BY id",
                row -> new HistoryEntry(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7)),
                interactionId));
    }

    @Override
    public List<AgentStateEntry> agentStates(String login, int limit) {
        return agentStates(login, Instant.EPOCH, limit);
    }

    @Override
    public List<AgentStateEntry> agentStates(String login, Instant since, int limit) {
        return Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT at, agent, from_state, to_state, reason, extension FROM agent_state_log WHERE agent = ?"
                        + " AND at >= ? ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY",
                row -> new AgentStateEntry(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                        AgentState.valueOf(row.getString(3)), AgentState.valueOf(row.getString(4)), row.getString(5), row.getString(6)),
                login, utc(since)));
    }

    @Override
    public List<InteractionSummary> customerInteractions(String customer, int limit) {
        return Jdbc.inTransaction(database.dataSource(), connection -> InteractionSummaries.forCustomer(connection,
                customer, Math.min(limit, 1000)));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
