package org.switchboard.api.acd;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The recorded history of interactions and agent states, written as distribution runs. */
@ProviderType
public interface InteractionHistory {

    /** Every recorded step of one interaction, oldest first. */
    List<HistoryEntry> interaction(String interactionId);

    /** An agent's most recent state changes, newest first, at most {@code limit}. */
    List<AgentStateEntry> agentStates(String login, int limit);

    /** A customer's interactions (by phone, address or chat id), newest first, at most {@code limit}. */
    List<InteractionSummary> customerInteractions(String customer, int limit);
}
