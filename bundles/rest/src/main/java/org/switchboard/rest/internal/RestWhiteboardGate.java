package org.switchboard.rest.internal;

import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.rest.AfterRestWhiteboard;

/**
 * Registers the condition {@link AfterRestWhiteboard#CONDITION_ID} once the JAX-RS whiteboard has settled: its
 * runtime's change count has stood still for a moment. The whiteboard publishes its runtime before it has
 * finished tracking the services already there, and its tracking is not safe against services registered
 * meanwhile from another thread; Switchboard's JAX-RS components wait for this condition.
 */
@Component(immediate = true)
public class RestWhiteboardGate {

    private static final Logger LOG = LoggerFactory.getLogger(RestWhiteboardGate.class);
    private static final long POLL_MILLIS = 100;
    /** Polls in a row without a change before the whiteboard counts as settled. */
    private static final int STILL_POLLS = 5;

    @Reference
    ServiceReference<JaxrsServiceRuntime> runtime;

    private ScheduledExecutorService poller;
    private ScheduledFuture<?> polling;
    private volatile ServiceRegistration<Condition> condition;
    private Object lastCount;
    private int stillPolls;

    @Activate
    void activate(BundleContext context) {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "switchboard-rest-gate"));
        polling = poller.scheduleWithFixedDelay(() -> poll(context), 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void poll(BundleContext context) {
        Object count = runtime.getProperty(Constants.SERVICE_CHANGECOUNT);
        stillPolls = count != null && count.equals(lastCount) ? stillPolls + 1 : 0;
        lastCount = count;
        if (stillPolls >= STILL_POLLS && condition == null) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Condition.CONDITION_ID, AfterRestWhiteboard.CONDITION_ID);
            condition = context.registerService(Condition.class, Condition.INSTANCE, properties);
            LOG.info("JAX-RS whiteboard settled; the REST API registers");
            polling.cancel(false);
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
