package org.switchboard.node.status;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.node.ComponentHealth;
import org.switchboard.api.node.DatabaseHealth;
import org.switchboard.api.node.FeatureInfo;
import org.switchboard.api.node.NodeStatus;
import org.switchboard.api.node.NodeStatusService;

/** Builds the node's status from its configuration, the JVM, the database check and Karaf's features. */
@Component(configurationPid = NodeConfig.PID)
@Designate(ocd = NodeConfig.class)
public class DefaultNodeStatusService implements NodeStatusService {

    static final String FEATURE_PREFIX = "switchboard";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultNodeStatusService.class);

    /**
     * Karaf's feature services. Now and then Karaf 4.4 starts its features bundle twice at boot and leaves two
     * services, only one of which knows what was installed (its own shell's feature:list may use the other):
     * the status asks each in turn and takes the first that lists any Switchboard feature.
     */
    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    volatile List<FeaturesService> features;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DatabaseHealth database;

    Clock clock = Clock.systemUTC();
    private final Instant startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    private volatile String nodeName;
    private String version;

    @Activate
    void activate(BundleContext context, NodeConfig config) {
        version = context.getBundle().getHeaders().get("Switchboard-Version");
        modified(config);
    }

    @Modified
    void modified(NodeConfig config) {
        nodeName = config.node_name().isBlank() ? hostName() : config.node_name().trim();
        LOG.info("Node '{}' (Switchboard {}), cluster port {}", nodeName, version, config.cluster_port());
    }

    @Override
    public NodeStatus status() {
        Instant now = clock.instant();
        return new NodeStatus(nodeName, version, startedAt, Duration.between(startedAt, now).toSeconds(),
                databaseHealth(), installedFeatures());
    }

    private ComponentHealth databaseHealth() {
        DatabaseHealth current = database;
        // Also while the persistence feature is installed but its database service has not started (no
        // 'switchboard' DataSource yet, or its schema migration still running or failed).
        return current == null ? ComponentHealth.down("no database service (persistence not started)")
                : current.check();
    }

    private List<FeatureInfo> installedFeatures() {
        List<FeaturesService> services = new ArrayList<>(features);
        Collections.reverse(services);
        for (FeaturesService service : services) {
            List<FeatureInfo> installed = installedFeatures(service);
            if (!installed.isEmpty()) {
                return installed;
            }
        }
        return List.of();
    }

    private static List<FeatureInfo> installedFeatures(FeaturesService service) {
        try {
            return Stream.of(service.listInstalledFeatures())
                    .filter(feature -> feature.getName().startsWith(FEATURE_PREFIX))
                    .map(feature -> describe(service, feature))
                    .sorted(Comparator.comparing(FeatureInfo::name))
                    .toList();
        } catch (Exception e) {
            LOG.warn("Cannot list installed features: {}", e.toString());
            return List.of();
        }
    }

    private static FeatureInfo describe(FeaturesService service, Feature feature) {
        return new FeatureInfo(feature.getName(), feature.getVersion(), service.getState(feature.getId()).name());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
