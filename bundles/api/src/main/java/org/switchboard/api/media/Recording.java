package org.switchboard.api.media;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded conversation: which interaction and agent, the caller's number and the number dialed, when it
 * started and ended, and the WAV file (stereo, caller left, agent right).
 */
public record Recording(String id, String interactionId, String agent, String caller, String dialed,
        Instant startedAt, Instant endedAt, String file) {

    public Recording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(file, "file");
    }
}
