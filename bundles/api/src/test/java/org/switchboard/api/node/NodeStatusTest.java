package org.switchboard.api.node;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class NodeStatusTest {

    private static final ComponentHealth DATABASE_UP = ComponentHealth.up("H2");

    @Test
    public void upWhenTheDatabaseAnswersAndEveryFeatureHasStarted() {
        assertEquals(HealthState.UP, status(DATABASE_UP, new FeatureInfo("switchboard", "1", "Started")).status());
    }

    @Test
    public void downWhileAFeatureIsStillBeingInstalled() {
        assertEquals(HealthState.DOWN, status(DATABASE_UP, new FeatureInfo("switchboard", "1", "Started"),
                new FeatureInfo("switchboard-shell", "1", "Resolved")).status());
    }

    @Test
    public void downWhileNoFeatureIsKnownYet() {
        assertEquals(HealthState.DOWN, status(DATABASE_UP).status());
    }

    @Test
    public void downWithoutTheDatabase() {
        assertEquals(HealthState.DOWN,
                status(ComponentHealth.down("refused"), new FeatureInfo("switchboard", "1", "Started")).status());
    }

    @Test
    public void eachPartThatIsDownIsNamed() {
        NodeStatus status = status(ComponentHealth.down("refused"), new FeatureInfo("switchboard", "1", "Started"),
                new FeatureInfo("switchboard-shell", "1", "Resolved"));

        assertEquals(List.of("database: refused", "feature switchboard-shell: Resolved"), status.downParts());
    }

    @Test
    public void noFeatureListedIsNamedAsSuch() {
        assertEquals(List.of("features: Karaf's feature service lists no Switchboard feature yet"),
                status(DATABASE_UP).downParts());
    }

    @Test
    public void nothingIsNamedWhenUp() {
        assertEquals(List.of(), status(DATABASE_UP, new FeatureInfo("switchboard", "1", "Started")).downParts());
    }

    private static NodeStatus status(ComponentHealth database, FeatureInfo... features) {
        return new NodeStatus("node", "1", Instant.EPOCH, 0, database, List.of(features));
    }
}
