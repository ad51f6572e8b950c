package org.switchboard.api.acd;

import java.time.Duration;
import java.util.Objects;

/** A queue's service-level goal: {@code targetPercent} of contacts answered within {@code threshold}. */
public record ServiceLevel(Duration threshold, int targetPercent) {

    public static final ServiceLevel DEFAULT = new ServiceLevel(Duration.ofSeconds(20), 80);

    public ServiceLevel {
        Objects.requireNonNull(threshold, "threshold");
        if (targetPercent < 1 || targetPercent > 100) {
            throw new IllegalArgumentException("targetPercent must be 1..100, was " + targetPercent);
        }
    }
}
