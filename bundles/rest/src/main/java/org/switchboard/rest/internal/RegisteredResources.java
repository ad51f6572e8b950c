package org.switchboard.rest.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.rest.SwitchboardResource;

/**
 * The resources registered for the Switchboard application right now, by service id, with their classes.
 * Resources are registered under their own classes, so they are found by their properties alone.
 */
@Component(service = RegisteredResources.class)
public class RegisteredResources {

    static final String RESOURCES = "(&(osgi.jaxrs.resource=true)(osgi.jaxrs.application.select=\\(osgi.jaxrs.name="
            + SwitchboardResource.APPLICATION + "\\)))";
    private static final Logger LOG = LoggerFactory.getLogger(RegisteredResources.class);

    private final Map<Long, Class<?>> resources = new ConcurrentHashMap<>();
    private ServiceTracker<Object, Long> tracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter(RESOURCES), null) {
            @Override
            public Long addingService(ServiceReference<Object> reference) {
                Long id = (Long) reference.getProperty(Constants.SERVICE_ID);
                String type = ((String[]) reference.getProperty(Constants.OBJECTCLASS))[0];
                try {
                    resources.put(id, reference.getBundle().loadClass(type));
                } catch (ClassNotFoundException | IllegalStateException e) {
                    LOG.warn("Resource {} cannot be described: {}", type, e.toString());
                    resources.put(id, Object.class);
                }
                return id;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Long id) {
                resources.remove(id);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The registered resources' classes by service id, as of now. */
    public Map<Long, Class<?>> byId() {
        return Map.copyOf(resources);
    }

    public Set<Class<?>> classes() {
        return Set.copyOf(resources.values());
    }
}
