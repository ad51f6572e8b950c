package org.switchboard.rest.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.Test;
import org.switchboard.api.node.ComponentHealth;
import org.switchboard.api.node.FeatureInfo;
import org.switchboard.api.node.NodeStatus;

public class HealthReportTest {

    private static final NodeStatus NODE_UP = new NodeStatus("node", "1", Instant.EPOCH, 0, ComponentHealth.up("H2"),
            List.of(new FeatureInfo("switchboard", "1", "Started")));

    @Test
    public void upWhenTheNodeAndTheApiAreUp() {
        HealthReport report = HealthReport.of(NODE_UP, ComponentHealth.up("3 resources served"));

        assertTrue(report.healthy());
        assertEquals("UP", report.status());
        assertEquals(List.of(), report.down());
    }

    @Test
    public void theRestApiIsNamedWhenItAloneIsMissing() {
        HealthReport report = HealthReport.of(NODE_UP, ComponentHealth.down("resources registered but not served: X"));

        assertFalse(report.healthy());
        assertEquals("DOWN", report.status());
        assertEquals("UP", report.database());
        assertEquals("DOWN", report.api());
        assertEquals(List.of("REST API: resources registered but not served: X"), report.down());
    }

    @Test
    public void everyPartDownIsNamed() {
        NodeStatus node = new NodeStatus("node", "1", Instant.EPOCH, 0, ComponentHealth.down("refused"),
                List.of(new FeatureInfo("switchboard", "1", "Resolved")));

        assertEquals(List.of("database: refused", "feature switchboard: Resolved", "REST API: not served"),
                HealthReport.of(node, ComponentHealth.down("not served")).down());
    }
}
