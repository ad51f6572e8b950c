package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;

/**
 * An interaction in distribution now: its state since {@code since}, the agents it is offered to or handled by
 * (several only while a ring-all offer rings), and when it entered the line.
 */
public record InteractionView(Interaction interaction, InteractionState state, List<String> agents,
        Instant enqueuedAt, Instant since) {

    public InteractionView {
        agents = List.copyOf(agents);
    }
}
