package org.switchboard.store.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.store.ContactStore;
import org.switchboard.api.store.QueuedContact;

/**
 * Keeps distribution's live state in an embedded Hazelcast member: contacts in the map {@code acd-contacts},
 * each agent's reservation in {@code acd-reservations} as its sorted interaction ids, replaced only by an
 * atomic compare-and-set ({@link IMap#replace(Object, Object, Object)}), so two routing members can never
 * reserve one agent twice.
 */
// Immediate: a delayed component would leave the cluster whenever distribution restarts.
@Component(service = ContactStore.class, property = ContactStore.KIND + "=hazelcast", immediate = true,
        configurationPid = HazelcastStoreConfig.PID)
@Designate(ocd = HazelcastStoreConfig.class)
public class HazelcastContactStore implements ContactStore {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastContactStore.class);
    private static final String SEPARATOR = "\n";

    private final ContactCodec codec = new ContactCodec();
    private HazelcastInstance member;
    private IMap<String, String> contacts;
    private IMap<String, String> reservations;

    @Activate
    void activate(HazelcastStoreConfig settings) {
        member = Hazelcast.newHazelcastInstance(config(settings));
        try {
            contacts = member.getMap("acd-contacts");
            reservations = member.getMap("acd-reservations");
        } catch (RuntimeException e) {
            // DS does not deactivate a component whose activation failed: leave no member behind.
            member.shutdown();
            throw e;
        }
        LOG.info("Hazelcast store member {} started in cluster '{}' with {} members", member.getName(),
                settings.cluster_name(), member.getCluster().getMembers().size());
    }

    static Config config(HazelcastStoreConfig settings) {
        Config config = new Config();
        config.setInstanceName("switchboard-store-" + settings.port());
        config.setClusterName(settings.cluster_name());
        // Hazelcast's own threads load our classes through this loader, not the thread context one.
        config.setClassLoader(HazelcastContactStore.class.getClassLoader());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // A member that stops answering is noticed in seconds, not the default minute.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(settings.address());
        network.setPublicAddress(settings.address() + ":" + settings.port());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> members = Arrays.stream(settings.members().split(",")).map(String::trim)
                .filter(member -> !member.isEmpty()).toList();
        join.getTcpIpConfig().setEnabled(!members.isEmpty()).setMembers(new ArrayList<>(members));
        return config;
    }

    @Deactivate
    void deactivate() {
        member.shutdown();
    }

    @Override
    public void put(QueuedContact contact) {
        contacts.set(contact.id(), codec.encode(contact));
    }

    @Override
    public void remove(String interactionId) {
        contacts.delete(interactionId);
    }

    @Override
    public List<QueuedContact> contacts() {
        return contacts.values().stream().map(codec::decode).toList();
    }

    @Override
    public List<String> held(String login) {
        return ids(reservations.get(login));
    }

    @Override
    public boolean reserve(String login, List<String> expected, List<String> held) {
        String before = joined(expected);
        String after = joined(held);
        if (before.isEmpty()) {
            return after.isEmpty() ? !reservations.containsKey(login) : reservations.putIfAbsent(login, after) == null;
        }
        return after.isEmpty() ? reservations.remove(login, before) : reservations.replace(login, before, after);
    }

    private static String joined(List<String> ids) {
        return String.join(SEPARATOR, ids.stream().sorted().toList());
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }
}
