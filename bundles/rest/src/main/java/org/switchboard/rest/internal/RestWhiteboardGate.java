package org.switchboard.rest.internal;

import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.condition.Condition;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.rest.AfterRestWhiteboard;

/**
 * Registers the condition {@link AfterRestWhiteboard#CONDITION_ID} once the JAX-RS whiteboard has settled: it has
 * finished starting (its runtime lists its endpoints) and its change count has then stood still for a moment. The
 * whiteboard publishes its runtime before it has finished tracking the services already there, and its tracking
 * is not safe against services registered meanwhile from another thread; Switchboard's JAX-RS components wait for
 * this condition.
 */
@Component(immediate = true)
public class RestWhiteboardGate {

    private static final Logger LOG = LoggerFactory.getLogger(RestWhiteboardGate.class);
    private static final long POLL_MILLIS = 100;
    /** Polls in a row without a change before the whiteboard counts as settled. */
    private static final int STILL_POLLS = 5;

    @Reference
    ServiceReference<JaxrsServiceRuntime> runtime;

    private final WhiteboardSettling settling = new WhiteboardSettling(STILL_POLLS);
    private ScheduledExecutorService poller;
    private volatile ServiceRegistration<Condition> condition;

    @Activate
    void activate(BundleContext context) {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "switchboard-rest-gate"));
        poller.scheduleWithFixedDelay(() -> poll(context), 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void poll(BundleContext context) {
        if (condition != null) {
            return;
        }
        try {
            Object count = runtime.getProperty(Constants.SERVICE_CHANGECOUNT);
            Object endpoints = runtime.getProperty(JaxrsServiceRuntimeConstants.JAX_RS_SERVICE_ENDPOINT);
            if (settling.settledAfter(count, endpoints)) {
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put(Condition.CONDITION_ID, AfterRestWhiteboard.CONDITION_ID);
                condition = context.registerService(Condition.class, Condition.INSTANCE, properties);
                LOG.info("JAX-RS whiteboard settled (change count {}, endpoints {}); the REST API registers", count,
                        endpoints);
                poller.shutdown();
            }
        } catch (RuntimeException e) {
            // An exception would end the scheduled polling for good, and the REST API would never register.
            LOG.warn("Cannot tell yet whether the JAX-RS whiteboard has settled: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
        ServiceRegistration<Condition> registered = condition;
        if (registered != null) {
            registered.unregister();
        }
    }
}
