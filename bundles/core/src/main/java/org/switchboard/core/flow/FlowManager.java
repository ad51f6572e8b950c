package org.switchboard.core.flow;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.flow.CallSession;
import org.switchboard.api.flow.Flow;
import org.switchboard.api.flow.FlowInvalidException;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.flow.FlowStore;
import org.switchboard.api.media.MediaService;

/** Flows and entry points: checked when saved, kept in the database, held parsed in memory to run calls. */
@Component
public class FlowManager implements FlowService {

    private static final Logger LOG = LoggerFactory.getLogger(FlowManager.class);

    @Reference
    FlowStore store;

    @Reference
    AcdService acd;

    @Reference
    AcdConfigStore acdConfig;

    /** Prompts can only be checked while the media engine is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MediaService media;

    private final Map<String, Flow> flows = new ConcurrentHashMap<>();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, String> entryPoints = new ConcurrentHashMap<>();
    private HttpClient http;

    @Activate
    void activate() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        store.flows().forEach((name, json) -> {
            try {
                flows.put(name, FlowCodec.read(name, json));
                documents.put(name, json);
            } catch (FlowInvalidException e) {
                LOG.error("Flow {} in the database cannot be read and is not run: {}", name, e.getMessage());
            }
        });
        entryPoints.putAll(store.entryPoints());
        LOG.info("{} flow(s), entry points {}", flows.size(), entryPoints);
    }

    @Override
    public List<String> names() {
        return flows.keySet().stream().sorted().toList();
    }

    @Override
    public Optional<String> document(String name) {
        return Optional.ofNullable(documents.get(name));
    }

    @Override
    public synchronized Flow save(String name, String json) {
        Flow flow = FlowCodec.read(name, json);
        MediaService prompts = media;
        new FlowValidator(queue -> acd.queue(queue).isPresent(),
                prompt -> prompts == null || prompts.prompts().contains(prompt),
                skill -> acdConfig.skills().stream().anyMatch(known -> known.name().equals(skill))).check(flow);
        store.saveFlow(name, json);
        flows.put(name, flow);
        documents.put(name, json);
        LOG.info("Flow {} saved ({} steps)", name, flow.steps().size());
        return flow;
    }

    @Override
    public synchronized void delete(String name) {
        List<String> numbers = entryPoints.entrySet().stream().filter(e -> e.getValue().equals(name))
                .map(Map.Entry::getKey).sorted().toList();
        if (!numbers.isEmpty()) {
            throw new IllegalStateException("flow '" + name + "' is the flow of entry point(s) " + numbers);
        }
        store.deleteFlow(name);
        flows.remove(name);
        documents.remove(name);
    }

    @Override
    public Map<String, String> entryPoints() {
        return Map.copyOf(entryPoints);
    }

    @Override
    public synchronized void bindEntryPoint(String number, String flow) {
        if (!flows.containsKey(flow)) {
            throw new IllegalArgumentException("no flow '" + flow + "'");
        }
        store.saveEntryPoint(number, flow);
        entryPoints.put(number, flow);
    }

    @Override
    public synchronized void unbindEntryPoint(String number) {
        store.deleteEntryPoint(number);
        entryPoints.remove(number);
    }

    @Override
    public boolean start(CallSession call) {
        String name = entryPoints.get(call.dialed());
        Flow flow = name == null ? null : flows.get(name);
        if (flow == null) {
            return false;
        }
        new FlowRun(flow, call, http, Clock.systemUTC()).start();
        return true;
    }
}
