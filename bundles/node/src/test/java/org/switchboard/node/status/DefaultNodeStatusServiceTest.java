package org.switchboard.node.status;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.switchboard.api.node.FeatureInfo;

public class DefaultNodeStatusServiceTest {

    @Test
    public void theFeatureServiceThatKnowsWhatWasInstalledIsTheOneAsked() {
        DefaultNodeStatusService node = new DefaultNodeStatusService();
        node.features = List.of(featuresService(), featuresService(feature("switchboard"), feature("ssh")),
                featuresService());

        assertEquals(List.of(new FeatureInfo("switchboard", "1.0", "Started")), node.status().features());
    }

    @Test
    public void noFeatureListedMeansNone() {
        DefaultNodeStatusService node = new DefaultNodeStatusService();
        node.features = List.of(featuresService());

        assertEquals(List.of(), node.status().features());
    }

    private static FeaturesService featuresService(Feature... installed) {
        return (FeaturesService) Proxy.newProxyInstance(FeaturesService.class.getClassLoader(),
                new Class<?>[] {FeaturesService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "listInstalledFeatures" -> installed;
                    case "getState" -> FeatureState.Started;
                    default -> throw new AssertionError("not used: " + method.getName());
                });
    }

    private static Feature feature(String name) {
        return (Feature) Proxy.newProxyInstance(Feature.class.getClassLoader(), new Class<?>[] {Feature.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> "1.0";
                    case "getId" -> name + "/1.0";
                    default -> throw new AssertionError("not used: " + method.getName());
                });
    }
}
