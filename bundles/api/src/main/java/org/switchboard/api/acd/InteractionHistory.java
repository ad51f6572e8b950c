package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The recorded history of interactions and agent states, written as distribution runs. */
@ProviderType
public interface InteractionHistory {

    /** Every recorded step of one interaction, oldest first. */
    List<HistoryEntry> interaction(String interactionId);

    /** An agent's most recent state changes, newest first, at most {@code limit}. */
    List<AgentStateEntry> agentStates(String login, int limit);

    /**
     * An agent's state changes at or after {@code since}, newest first, at most {@code limit}; the oldest one's
     * {@code from} is the state the agent was in at {@code since} (when it is not the limit that cut the list).
     */
    List<AgentStateEntry> agentStates(String login, Instant since, int limit);

    /** A customer's interactions (by phone, address or chat id), newest first, at most {@code limit}. */
    List<InteractionSummary> customerInteractions(String customer, int limit);
}
