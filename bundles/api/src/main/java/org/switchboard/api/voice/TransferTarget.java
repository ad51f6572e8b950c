package org.switchboard.api.voice;

import java.util.Objects;

/**
 * Where a blind transfer sends a call: an agent (by login), a queue, an entry point (its flow runs), or an
 * external number dialed through the outbound trunk.
 */
public record TransferTarget(Kind kind, String value) {

    /** What {@code value} names. */
    public enum Kind { AGENT, QUEUE, ENTRY_POINT, EXTERNAL }

    public TransferTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
