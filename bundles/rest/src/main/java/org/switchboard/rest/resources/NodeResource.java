package org.switchboard.rest.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.node.NodeStatusService;
import org.switchboard.api.node.StatusReport;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardResource;

/** The node's status for signed-in users; the same content as {@code cc:status}. */
@Component(service = NodeResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/node")
@Tag(name = "node")
public class NodeResource {

    @Reference
    NodeStatusService node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Status of this node")
    public StatusReport status() {
        return StatusReport.of(node.status());
    }
}
