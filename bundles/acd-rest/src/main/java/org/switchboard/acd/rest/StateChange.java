package org.switchboard.acd.rest;

import org.switchboard.api.acd.AgentState;

/** The presence an agent chooses: READY, or NOT_READY with a reason such as break, lunch or training. */
public record StateChange(AgentState state, String reason) {
}
