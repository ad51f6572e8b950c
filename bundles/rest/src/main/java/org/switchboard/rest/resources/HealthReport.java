package org.switchboard.rest.resources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.node.ComponentHealth;
import org.switchboard.api.node.FeatureInfo;
import org.switchboard.api.node.HealthState;
import org.switchboard.api.node.NodeStatus;

/**
 * The health endpoint's answer: the node's status as {@code cc:status} reports it, plus the REST application's
 * part, and {@code down} naming every part that keeps the node DOWN (empty when UP).
 */
public record HealthReport(String status, List<String> down, String node, String version, Instant startedAt,
        long uptimeSeconds, String database, String databaseDetail, String api, String apiDetail,
        List<FeatureInfo> features) {

    public HealthReport {
        features = List.copyOf(features);
        down = List.copyOf(down);
    }

    static HealthReport of(NodeStatus node, ComponentHealth api) {
        List<String> down = node.downParts();
        if (!api.isUp()) {
            down = new ArrayList<>(down);
            down.add("REST API: " + api.detail());
        }
        HealthState status = down.isEmpty() ? HealthState.UP : HealthState.DOWN;
        return new HealthReport(status.name(), down, node.node(), node.version(), node.startedAt(),
                node.uptimeSeconds(), node.database().status().name(), node.database().detail(), api.status().name(),
                api.detail(), node.features());
    }

    /** Whether nothing keeps the node DOWN (not named isUp, so that it stays out of the JSON). */
    boolean healthy() {
        return down.isEmpty();
    }
}
