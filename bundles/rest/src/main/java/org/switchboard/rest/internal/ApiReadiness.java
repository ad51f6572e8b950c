package org.switchboard.rest.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.switchboard.api.rest.SwitchboardResource;

/**
 * Whether the REST application serves every resource registered for it. The whiteboard rebuilds the
 * application when resources come or go, and `/api` is briefly unanswered meanwhile; health waits for this.
 */
@Component(service = ApiReadiness.class)
public class ApiReadiness {

    @Reference
    JaxrsServiceRuntime runtime;

    @Reference
    RegisteredResources registered;

    /** True when the application runs and serves every resource registered for it right now. */
    public boolean servesEverything() {
        for (ApplicationDTO application : runtime.getRuntimeDTO().applicationDTOs) {
            if (SwitchboardResource.APPLICATION.equals(application.name)) {
                Set<Long> served = ConcurrentHashMap.newKeySet();
                Arrays.stream(application.resourceDTOs).forEach(resource -> served.add(resource.serviceId));
                return served.containsAll(registered.ids());
            }
        }
        return false;
    }
}
