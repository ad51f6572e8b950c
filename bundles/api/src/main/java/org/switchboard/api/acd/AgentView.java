package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;

/** A logged-in agent as supervisors and colleagues see it; {@code extension} is the phone they sit at, if any. */
public record AgentView(String login, String name, String site, String extension, AgentState state, String reason,
        Instant since, int handled, List<String> interactions) {

    public AgentView {
        interactions = List.copyOf(interactions);
    }
}
