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
import org.switchboard.api.rest.PublicEndpoint;
import org.switchboard.api.rest.SwitchboardResource;

/** The one public endpoint: whether the node works, for load balancers and monitoring. */
@Component(service = HealthResource.class)
@SwitchboardResource
@Path("v1/health")
@Tag(name = "node")
public class HealthResource {

    @Reference
    NodeStatusService node;

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Node health without authentication: 200 when UP, 503 when a part is DOWN")
    public Response health() {
        NodeStatus status = node.status();
        return Response.status(status.status() == HealthState.UP ? 200 : 503).entity(StatusReport.of(status)).build();
    }
}
