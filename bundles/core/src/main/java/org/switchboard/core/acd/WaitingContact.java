package org.switchboard.core.acd;

import java.time.Instant;
import java.util.Comparator;
import org.switchboard.api.acd.Interaction;

/**
 * A contact's place in line. Its score (priority weight plus seconds waited) grows at the same rate for
 * every contact, so the order is fixed at entry: {@code rank = enqueuedAt - priority * weight}, earliest
 * first, ties by arrival. A contact that comes back after a missed offer keeps its rank and sequence.
 */
record WaitingContact(Interaction interaction, long sequence, Instant enqueuedAt, long rankMillis) {

    static final Comparator<WaitingContact> BY_RANK =
            Comparator.comparingLong(WaitingContact::rankMillis).thenComparingLong(WaitingContact::sequence);

    static WaitingContact enter(Interaction interaction, long sequence, Instant at, long priorityWeightMillis) {
        return new WaitingContact(interaction, sequence, at,
                at.toEpochMilli() - interaction.priority() * priorityWeightMillis);
    }

    String id() {
        return interaction.id();
    }
}
