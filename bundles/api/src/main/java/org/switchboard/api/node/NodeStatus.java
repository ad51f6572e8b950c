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

    /** Karaf's name of the state of a feature whose bundles have all started. */
    public static final String FEATURE_STARTED = "Started";

    /**
     * UP when the database answers and every installed Switchboard feature has started: while features are
     * still being installed (at boot, or while one is added) the node is not ready to serve. No feature at all
     * means Karaf's feature service could not say yet (it lists none while it deploys at boot): not UP either.
     */
    public HealthState status() {
        boolean started = !features.isEmpty()
                && features.stream().allMatch(feature -> FEATURE_STARTED.equals(feature.state()));
        return database.isUp() && started ? HealthState.UP : HealthState.DOWN;
    }
}
