package org.switchboard.api.acd;

import java.time.Instant;

/** One recorded step of an interaction: QUEUED, OFFERED, ACCEPTED, ENDED, COMPLETED, ABANDONED and so on. */
public record HistoryEntry(Instant at, String interactionId, String event, String queue, String agent,
        String channel, String detail) {
}
