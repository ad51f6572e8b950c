package org.switchboard.rest.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.DTOConstants;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.switchboard.api.node.ComponentHealth;
import org.switchboard.api.rest.SwitchboardResource;

/** Compares what the JAX-RS whiteboard serves with the resources registered for the Switchboard application. */
final class ApiCoverage {

    private ApiCoverage() {
    }

    /**
     * UP when the application runs and serves every registered resource; otherwise DOWN, naming the resources
     * not served and the whiteboard's reason when it gives one, so that a node stuck DOWN says why.
     */
    static ComponentHealth of(RuntimeDTO runtime, Map<Long, Class<?>> registered) {
        Optional<ApplicationDTO> application = stream(runtime.applicationDTOs)
                .filter(candidate -> SwitchboardResource.APPLICATION.equals(candidate.name))
                .findFirst();
        if (application.isEmpty()) {
            return ComponentHealth.down("application '" + SwitchboardResource.APPLICATION + "' not served"
                    + applicationFailure(runtime));
        }
        Set<Long> served = stream(application.get().resourceDTOs).map(resource -> resource.serviceId)
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        registered.forEach((id, type) -> {
            if (!served.contains(id)) {
                missing.add(type.getSimpleName() + " (service " + id + resourceFailure(runtime, id) + ")");
            }
        });
        return missing.isEmpty()
                ? ComponentHealth.up(served.size() + " resources served")
                : ComponentHealth.down("resources registered but not served: " + String.join(", ", missing));
    }

    private static String applicationFailure(RuntimeDTO runtime) {
        return stream(runtime.failedApplicationDTOs)
                .filter(failed -> SwitchboardResource.APPLICATION.equals(failed.name))
                .findFirst()
                .map(failed -> ": " + reason(failed.failureReason))
                .orElse("");
    }

    private static String resourceFailure(RuntimeDTO runtime, long id) {
        return stream(runtime.failedResourceDTOs)
                .filter(failed -> failed.serviceId == id)
                .findFirst()
                .map(failed -> ", " + reason(failed.failureReason))
                .orElse("");
    }

    static String reason(int failureReason) {
        return switch (failureReason) {
            case DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE -> "shadowed by another service";
            case DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE -> "service not gettable";
            case DTOConstants.FAILURE_REASON_VALIDATION_FAILED -> "validation failed";
            case DTOConstants.FAILURE_REASON_NOT_AN_EXTENSION_TYPE -> "not an extension type";
            case DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE -> "required extensions unavailable";
            case DTOConstants.FAILURE_REASON_DUPLICATE_NAME -> "duplicate name";
            case DTOConstants.FAILURE_REASON_REQUIRED_APPLICATION_UNAVAILABLE -> "required application unavailable";
            default -> "whiteboard failure " + failureReason;
        };
    }

    @SafeVarargs
    private static <T extends BaseDTO> Stream<T> stream(T... dtos) {
        return dtos == null ? Stream.empty() : Arrays.stream(dtos);
    }
}
