package org.switchboard.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.store.ContactStore;
import org.switchboard.api.store.QueuedContact;

/**
 * The live store in the assembled appliance: calls in line survive a restart of the core bundle, first with
 * the local store, then with the Hazelcast store installed and chosen by configuration.
 */
public class StoreIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void callsInLineSurviveARestartOfTheCoreWithEitherStore() throws Exception {
        awaitHealthy();
        String admin = Http.basic("admin", adminPassword());

        String localQueue = "local-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> local = queueCalls(admin, localQueue);
        restartCore();
        Await.until("the line " + local + " kept by the local store", Duration.ofSeconds(60),
                () -> local.equals(waiting(admin, localQueue)));
        for (String id : local) {
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/drop", admin, "").statusCode());
        }

        ConfigurationAdmin configs = service(ConfigurationAdmin.class, null);
        Configuration member = configs.getConfiguration("org.switchboard.store.hazelcast", null);
        Hashtable<String, Object> memberSettings = new Hashtable<>();
        memberSettings.put("port", FreePorts.next());
        memberSettings.put("cluster.name", "it-" + UUID.randomUUID());
        member.update(memberSettings);
        features.installFeature("switchboard-store-hazelcast", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        Configuration acd = configs.getConfiguration("org.switchboard.acd", null);
        Hashtable<String, Object> acdSettings = new Hashtable<>();
        acdSettings.put("store.target", "(switchboard.store=hazelcast)");
        acd.update(acdSettings);
        ContactStore hazelcast = service(ContactStore.class, "(switchboard.store=hazelcast)");
        // Distribution restarts on the new store; its service then carries the new target.
        service(AcdService.class, "(store.target=\\(switchboard.store=hazelcast\\))");

        String sharedQueue = "hazelcast-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> shared = queueCalls(admin, sharedQueue);
        Await.until("the calls in the Hazelcast map", Duration.ofSeconds(30), () -> hazelcast.contacts().stream()
                .map(QueuedContact::id).toList().containsAll(shared));
        restartCore();
        Await.until("the line " + shared + " kept by the Hazelcast store", Duration.ofSeconds(60),
                () -> shared.equals(waiting(admin, sharedQueue)));
    }

    /** Puts three calls, with the last one at a higher priority, in a queue of their own; returns the expected line. */
    private List<String> queueCalls(String admin, String queue) throws Exception {
        Await.until("queue " + queue + " defined", Duration.ofSeconds(60),
                () -> http().put("/api/v1/queues/" + queue, admin, "{\"groups\":[\"" + queue + "\"]}").statusCode() == 200);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, http().post("/api/v1/interactions", admin, "{\"id\":\"" + queue + "-" + i
                    + "\",\"channel\":\"VOICE\",\"queue\":\"" + queue + "\",\"priority\":" + (i == 2 ? 5 : 0)
                    + ",\"customer\":\"+7495000000" + i + "\"}").statusCode());
        }
        return List.of(queue + "-2", queue + "-0", queue + "-1");
    }

    private List<String> waiting(String admin, String queue) throws Exception {
        JsonNode view = JSON.readTree(http().get("/api/v1/queues/" + queue, admin).body());
        return JSON.convertValue(view.get("waiting"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private void restartCore() throws Exception {
        Bundle core = List.of(bundleContext.getBundles()).stream()
                .filter(bundle -> "org.switchboard.core".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        core.stop();
        core.start();
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        Await.until(type.getSimpleName() + " " + filter, Duration.ofSeconds(60),
                () -> !bundleContext.getServiceReferences(type, filter).isEmpty());
        ServiceReference<T> reference = bundleContext.getServiceReferences(type, filter).iterator().next();
        return bundleContext.getService(reference);
    }
}
