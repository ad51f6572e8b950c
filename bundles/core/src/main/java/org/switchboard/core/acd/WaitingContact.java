package org.switchboard.core.acd;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.store.QueuedContact;

/**
 * A contact's place in line. Its score (priority weight plus seconds waited) grows at the same rate for
 * every contact, so the order is fixed at entry: {@code rank = enqueuedAt - priority * weight}, earliest
 * first, ties by arrival. A contact that comes back after a missed offer keeps its rank and sequence;
 * {@code queuedHereAt} is when it entered its current queue, from which that queue's maximum wait counts.
 */
record WaitingContact(Interaction interaction, long sequence, Instant enqueuedAt, Instant queuedHereAt,
        long rankMillis) {

    static final Comparator<WaitingContact> BY_RANK =
            Comparator.comparingLong(WaitingContact::rankMillis).thenComparingLong(WaitingContact::sequence);
    /** Longest waiting first: the order in which widening reaches contacts. */
    static final Comparator<WaitingContact> BY_ENTRY =
            Comparator.comparing(WaitingContact::enqueuedAt).thenComparingLong(WaitingContact::sequence);

    static WaitingContact enter(Interaction interaction, long sequence, Instant at, long priorityWeightMillis) {
        return new WaitingContact(interaction, sequence, at, at, rank(at, interaction, priorityWeightMillis));
    }

    /** The contact as the store keeps it, to be put back at its place by {@link #restored}. */
    QueuedContact stored() {
        return new QueuedContact(interaction, sequence, enqueuedAt, queuedHereAt);
    }

    static WaitingContact restored(QueuedContact stored, long priorityWeightMillis) {
        return new WaitingContact(stored.interaction(), stored.sequence(), stored.enqueuedAt(), stored.queuedHereAt(),
                rank(stored.enqueuedAt(), stored.interaction(), priorityWeightMillis));
    }

    /** The same contact, now in another queue, channel or priority; it keeps its entry time and arrival order. */
    WaitingContact changed(Interaction now, Instant queuedHere, long priorityWeightMillis) {
        return new WaitingContact(now, sequence, enqueuedAt, queuedHere, rank(enqueuedAt, now, priorityWeightMillis));
    }

    String id() {
        return interaction.id();
    }

    /** What decides which agents can take the contact, its wait aside: line and required skills. */
    Kind kind() {
        return new Kind(interaction.channel().line(), interaction.requirements());
    }

    /** Contacts of one kind in one queue are taken by the same agents, the longer waiting by at least as many. */
    record Kind(Channel line, List<SkillRequirement> requirements) {
    }

    private static long rank(Instant enqueuedAt, Interaction interaction, long priorityWeightMillis) {
        return enqueuedAt.toEpochMilli() - interaction.priority() * priorityWeightMillis;
    }
}
