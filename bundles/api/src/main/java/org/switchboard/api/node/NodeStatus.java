package org.switchboard.api.node;

import java.time.Instant;
import java.util.ArrayList;
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
        return downParts().isEmpty() ? HealthState.UP : HealthState.DOWN;
    }

    /** Each part that keeps the node DOWN, in words (the database, a feature not started); empty when UP. */
    public List<String> downParts() {
        List<String> down = new ArrayList<>();
        if (!database.isUp()) {
            down.add("database: " + database.detail());
        }
        if (features.isEmpty()) {
            down.add("features: Karaf's feature service lists no Switchboard feature yet");
        }
        features.stream().filter(feature -> !FEATURE_STARTED.equals(feature.state()))
                .forEach(feature -> down.add("feature " + feature.name() + ": " + feature.state()));
        return down;
    }
}
