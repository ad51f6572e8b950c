package org.switchboard.api.node;

import java.time.Instant;
import java.util.List;

/**
 * The node's status flattened for JSON output (REST and {@code cc:status --json}): overall and
 * database state as plain "UP"/"DOWN" strings, easy to test from scripts.
 */
public record StatusReport(String status, String node, String version, Instant startedAt, long uptimeSeconds,
        String database, String databaseDetail, List<FeatureInfo> features) {

    public static StatusReport of(NodeStatus status) {
        return new StatusReport(status.status().name(), status.node(), status.version(), status.startedAt(),
                status.uptimeSeconds(), status.database().status().name(), status.database().detail(),
                status.features());
    }
}
