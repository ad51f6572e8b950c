package org.switchboard.rest.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Test;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.DTOConstants;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.switchboard.api.node.ComponentHealth;
import org.switchboard.rest.resources.AuditResource;
import org.switchboard.rest.resources.HealthResource;

public class ApiCoverageTest {

    @Test
    public void upWhenEveryRegisteredResourceIsServed() {
        RuntimeDTO runtime = runtime(application("switchboard", 10, 11));

        assertEquals(ComponentHealth.up("2 resources served"),
                ApiCoverage.of(runtime, Map.of(10L, HealthResource.class, 11L, AuditResource.class)));
    }

    @Test
    public void aRegisteredResourceNotServedIsNamedWithTheWhiteboardsReason() {
        RuntimeDTO runtime = runtime(application("switchboard", 10));
        runtime.failedResourceDTOs = new FailedResourceDTO[] {
                failedResource(11, DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE)};

        assertEquals(ComponentHealth.down("resources registered but not served: AuditResource (service 11, service not gettable)"),
                ApiCoverage.of(runtime, Map.of(10L, HealthResource.class, 11L, AuditResource.class)));
    }

    @Test
    public void downWithoutTheApplication() {
        RuntimeDTO runtime = runtime(application("other", 10));
        FailedApplicationDTO failed = new FailedApplicationDTO();
        failed.name = "switchboard";
        failed.failureReason = DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE;
        runtime.failedApplicationDTOs = new FailedApplicationDTO[] {failed};

        assertEquals(ComponentHealth.down("application 'switchboard' not served: required extensions unavailable"),
                ApiCoverage.of(runtime, Map.of(10L, HealthResource.class)));
    }

    private static RuntimeDTO runtime(ApplicationDTO... applications) {
        RuntimeDTO runtime = new RuntimeDTO();
        runtime.applicationDTOs = applications;
        return runtime;
    }

    private static ApplicationDTO application(String name, long... resourceIds) {
        ApplicationDTO application = new ApplicationDTO();
        application.name = name;
        application.resourceDTOs = new ResourceDTO[resourceIds.length];
        for (int i = 0; i < resourceIds.length; i++) {
            application.resourceDTOs[i] = new ResourceDTO();
            application.resourceDTOs[i].serviceId = resourceIds[i];
        }
        return application;
    }

    private static FailedResourceDTO failedResource(long id, int reason) {
        FailedResourceDTO failed = new FailedResourceDTO();
        failed.serviceId = id;
        failed.failureReason = reason;
        return failed;
    }
}
