package org.switchboard.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.node.NodeStatus;
import org.switchboard.api.node.NodeStatusService;

/** Records in {@code node_info} that this node started, with its version and how often it has started. */
@Component(immediate = true, service = NodeRegistry.class)
public class NodeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);

    @Reference
    SwitchboardDatabase database;

    @Reference
    NodeStatusService node;

    Clock clock = Clock.systemUTC();

    @Activate
    void activate() {
        NodeStatus status = node.status();
        try {
            int starts = recordStart(database.dataSource(), status.node(), status.version(),
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            LOG.info("Node '{}' start number {} recorded", status.node(), starts);
        } catch (SQLException e) {
            LOG.error("Cannot record the start of node '{}': {}", status.node(), e.getMessage());
        }
    }

    /** Inserts or updates the node's row and returns how many times it has started. */
    static int recordStart(DataSource dataSource, String nodeName, String version, OffsetDateTime now)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE node_info SET version = ?, last_started_at = ?, start_count = start_count + 1"
                            + " WHERE node_name = ?")) {
                update.setString(1, version);
                update.setObject(2, now);
                update.setString(3, nodeName);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO node_info (node_name, version, first_started_at, last_started_at, start_count)"
                                    + " VALUES (?, ?, ?, ?, 1)")) {
                        insert.setString(1, nodeName);
                        insert.setString(2, version);
                        insert.setObject(3, now);
                        insert.setObject(4, now);
                        insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT start_count FROM node_info WHERE node_name = ?")) {
                count.setString(1, nodeName);
                try (var result = count.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        }
    }
}
