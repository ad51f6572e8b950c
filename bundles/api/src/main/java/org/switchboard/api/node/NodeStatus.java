package org.switchboard.api.node;

import java.time.Instant;
import java.util.List;

/** What one node reports about itself: the content of the health endpoint and of {@code cc:status}. */
public record NodeStatus(
        String node,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        ComponentHealth database,
        List<FeatureInfo> features) {

    public NodeStatus {
        features = List.copyOf(features);
    }

    /** UP when every part the node depends on is up. */
    public HealthState status() {
        return database.isUp() ? HealthState.UP : HealthState.DOWN;
    }
}
