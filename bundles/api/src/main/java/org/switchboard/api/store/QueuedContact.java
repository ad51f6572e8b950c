package org.switchboard.api.store;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.api.acd.Interaction;

/**
 * A contact in distribution and its place in line: {@code enqueuedAt} is when it first entered
 * distribution (its place), {@code queuedHereAt} when it entered its current queue (its queue's maximum wait
 * counts from there), {@code sequence} breaks ties between equal ranks.
 */
public record QueuedContact(Interaction interaction, long sequence, Instant enqueuedAt, Instant queuedHereAt) {

    public QueuedContact {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(queuedHereAt, "queuedHereAt");
    }

    public String id() {
        return interaction.id();
    }
}
