package org.switchboard.acd.rest;

import org.switchboard.api.acd.AgentState;

/** The presence an agent chooses: READY, or NOT_READY with a configured reason code (break, lunch, training, ...). */
public record StateChange(AgentState state, String reason) {
}
