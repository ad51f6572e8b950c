package org.switchboard.rest.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.node.HealthState;
import org.switchboard.api.node.NodeStatus;
import org.switchboard.api.node.NodeStatusService;
import org.switchboard.api.node.StatusReport;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.PublicEndpoint;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.rest.internal.ApiReadiness;

/** The one public endpoint: whether the node works, for load balancers and monitoring. */
@Component(service = HealthResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/health")
@Tag(name = "node")
public class HealthResource {

    @Reference
    NodeStatusService node;

    @Reference
    ApiReadiness api;

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Node health without authentication: 200 when UP (database answers, every feature started,"
            + " every REST resource served), 503 otherwise")
    public Response health() {
        NodeStatus status = node.status();
        StatusReport report = StatusReport.of(status);
        boolean up = status.status() == HealthState.UP && api.servesEverything();
        if (!up && status.status() == HealthState.UP) {
            // Only the REST application is still being rebuilt: say so instead of claiming UP.
            report = new StatusReport(HealthState.DOWN.name(), report.node(), report.version(), report.startedAt(),
                    report.uptimeSeconds(), report.database(), report.databaseDetail(), report.features());
        }
        return Response.status(up ? 200 : 503).entity(report).build();
    }
}
