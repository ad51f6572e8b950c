package org.switchboard.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.switchboard.api.node.ComponentHealth;

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

    /** UP when the application runs and serves every resource registered for it right now; else what is missing. */
    public ComponentHealth health() {
        return ApiCoverage.of(runtime.getRuntimeDTO(), registered.byId());
    }
}
