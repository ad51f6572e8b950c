package org.switchboard.core.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.WideningStep;

/** How far a waiting contact's queue has widened for it: skill levels lowered by, groups added. */
record Reach(int lowered, Set<String> addedGroups) {

    private static final Reach NONE = new Reach(0, Set.of());

    static Reach of(QueueDefinition queue, WaitingContact contact, Instant now) {
        if (queue.widening().isEmpty()) {
            return NONE;
        }
        Duration waited = Duration.between(contact.enqueuedAt(), now);
        int lowered = 0;
        Set<String> groups = new HashSet<>();
        for (WideningStep step : queue.widening()) {
            if (step.after().compareTo(waited) <= 0) {
                lowered = step.lowerLevelsBy();
                groups.addAll(step.addGroups());
            }
        }
        return new Reach(lowered, groups);
    }
}
