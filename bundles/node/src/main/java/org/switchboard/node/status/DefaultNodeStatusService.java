package org.switchboard.node.status;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    @Reference
    FeaturesService features;

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
        LOG.info("Node '{}' (Switchboard {}), SIP port {}, cluster port {}", nodeName, version, config.sip_port(),
                config.cluster_port());
    }

    @Override
    public NodeStatus status() {
        Instant now = clock.instant();
        return new NodeStatus(nodeName, version, startedAt, Duration.between(startedAt, now).toSeconds(),
                databaseHealth(), installedFeatures());
    }

    private ComponentHealth databaseHealth() {
        DatabaseHealth current = database;
        return current == null ? ComponentHealth.down("persistence feature not installed") : current.check();
    }

    private List<FeatureInfo> installedFeatures() {
        try {
            return Stream.of(features.listInstalledFeatures())
                    .filter(feature -> feature.getName().startsWith(FEATURE_PREFIX))
                    .map(this::describe)
                    .sorted(Comparator.comparing(FeatureInfo::name))
                    .toList();
        } catch (Exception e) {
            LOG.warn("Cannot list installed features: {}", e.toString());
            return List.of();
        }
    }

    private FeatureInfo describe(Feature feature) {
        return new FeatureInfo(feature.getName(), feature.getVersion(),
                features.getState(feature.getId()).name());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
