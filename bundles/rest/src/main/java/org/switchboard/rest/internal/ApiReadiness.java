package org.switchboard.rest.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.switchboard.api.rest.SwitchboardResource;

/**
 * Whether the REST application serves every resource registered for it. The whiteboard rebuilds the
 * application when resources come or go, and `/api` is briefly unanswered meanwhile; health waits for this.
 */
@Component(service = ApiReadiness.class)
public class ApiReadiness {

    static final String RESOURCES = "(&(osgi.jaxrs.resource=true)(osgi.jaxrs.application.select=\\(osgi.jaxrs.name="
            + SwitchboardResource.APPLICATION + "\\)))";

    @Reference
    JaxrsServiceRuntime runtime;

    private final Set<Long> registered = ConcurrentHashMap.newKeySet();
    private ServiceTracker<Object, Long> tracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter(RESOURCES), null) {
            @Override
            public Long addingService(ServiceReference<Object> reference) {
                Long id = (Long) reference.getProperty(Constants.SERVICE_ID);
                registered.add(id);
                return id;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Long id) {
                registered.remove(id);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** True when the application runs and serves every resource registered for it right now. */
    public boolean servesEverything() {
        for (ApplicationDTO application : runtime.getRuntimeDTO().applicationDTOs) {
            if (SwitchboardResource.APPLICATION.equals(application.name)) {
                Set<Long> served = ConcurrentHashMap.newKeySet();
                Arrays.stream(application.resourceDTOs).forEach(resource -> served.add(resource.serviceId));
                return served.containsAll(registered);
            }
        }
        return false;
    }
}
