package org.switchboard.api.acd;

import java.time.Instant;

/**
 * One recorded change of an agent's state, with the not-ready reason when there is one and the extension
 * (phone) the agent was signed in at, if any.
 */
public record AgentStateEntry(Instant at, String agent, AgentState from, AgentState to, String reason,
        String extension) {
}
