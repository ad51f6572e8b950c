package org.switchboard.api.acd;

import java.time.Instant;

/**
 * A queue's live figures since {@code since} (local midnight). Service level is
 * {@code answeredInThreshold / (answered + abandoned - shortAbandoned)} in percent, where a short abandon is
 * one within 5 s of entry; average speed of answer is the mean wait of answered contacts; average handle time
 * is talk plus wrap-up of completed ones. Averages are null until there is something to average.
 */
public record QueueFigures(
        String queue,
        Instant since,
        int waiting,
        long longestWaitSeconds,
        int entered,
        int answered,
        int answeredInThreshold,
        int abandoned,
        int shortAbandoned,
        int completed,
        Double serviceLevelPercent,
        ServiceLevel serviceLevelGoal,
        Double averageSpeedOfAnswerSeconds,
        Double averageHandleTimeSeconds) {
}
