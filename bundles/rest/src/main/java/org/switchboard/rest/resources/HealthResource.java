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
import org.switchboard.api.node.NodeStatusService;
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
            + " every REST resource served), 503 otherwise, with 'down' naming each part that is not")
    public Response health() {
        HealthReport report = HealthReport.of(node.status(), api.health());
        return Response.status(report.healthy() ? 200 : 503).entity(report).build();
    }
}
