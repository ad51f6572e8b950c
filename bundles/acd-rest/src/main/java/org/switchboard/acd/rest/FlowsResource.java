package org.switchboard.acd.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.flow.FlowInvalidException;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/**
 * Flows at {@code /v1/flows} (JSON documents, checked when saved) and the numbers that lead to them at
 * {@code /v1/entry-points}.
 */
@Component(service = FlowsResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1")
@Tag(name = "flows")
@Produces(MediaType.APPLICATION_JSON)
public class FlowsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    FlowService flows;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    /** Where a number leads. */
    public record EntryPoint(String number, String flow) {
    }

    @GET
    @Path("flows")
    @Operation(summary = "The names of all flows")
    public List<String> list() {
        return flows.names();
    }

    @GET
    @Path("flows/{name}")
    @Operation(summary = "A flow's document as saved")
    public JsonNode get(@PathParam("name") String name) throws java.io.IOException {
        String document = flows.document(name).orElseThrow(() -> ProblemException.notFound("No flow '" + name + "'"));
        return JSON.readTree(document);
    }

    @PUT
    @Path("flows/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Saves a flow: {\"start\":STEP,\"steps\":{NAME:{\"type\":\"play|menu|collect|hours|set|http|queue|hangup\",...}}};"
            + " a flow that cannot run is refused (400) naming the step and the reason")
    public JsonNode put(@PathParam("name") String name, JsonNode body, @Context SecurityContext caller)
            throws java.io.IOException {
        String checked = Check.name("name", name);
        if (body == null) {
            throw ProblemException.invalid("steps", "the body must be a flow document");
        }
        String document = JSON.writeValueAsString(body);
        try {
            flows.save(checked, document);
        } catch (FlowInvalidException e) {
            throw ProblemException.invalid(e.step() == null ? "flow" : "steps." + e.step(), e.getMessage());
        }
        Audit.record(audit, caller, "flow.save", checked, null);
        return body;
    }

    @DELETE
    @Path("flows/{name}")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Removes a flow; refused (409) while an entry point leads to it")
    public void delete(@PathParam("name") String name, @Context SecurityContext caller) {
        if (flows.document(name).isEmpty()) {
            throw ProblemException.notFound("No flow '" + name + "'");
        }
        try {
            flows.delete(name);
        } catch (IllegalStateException e) {
            throw new ProblemException(409, "Conflict", e.getMessage(), null);
        }
        Audit.record(audit, caller, "flow.delete", name, null);
    }

    @GET
    @Path("entry-points")
    @Operation(summary = "Every number and the flow it leads to")
    public List<EntryPoint> entryPoints() {
        return flows.entryPoints().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new EntryPoint(entry.getKey(), entry.getValue())).toList();
    }

    @PUT
    @Path("entry-points/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Makes a dialed number lead to a flow: {\"flow\":NAME}")
    public EntryPoint bind(@PathParam("number") String number, EntryPoint body, @Context SecurityContext caller) {
        String checked = Check.name("number", number);
        String flow = body == null ? null : body.flow();
        if (flow == null || flow.isBlank()) {
            throw ProblemException.invalid("flow", "'flow' must name a flow");
        }
        try {
            flows.bindEntryPoint(checked, flow);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("flow", e.getMessage());
        }
        Audit.record(audit, caller, "entry-point.bind", checked, flow);
        return new EntryPoint(checked, flow);
    }

    @DELETE
    @Path("entry-points/{number}")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Stops a number leading anywhere: calls to it get 404")
    public void unbind(@PathParam("number") String number, @Context SecurityContext caller) {
        if (!flows.entryPoints().containsKey(number)) {
            throw ProblemException.notFound("No entry point '" + number + "'");
        }
        flows.unbindEntryPoint(number);
        Audit.record(audit, caller, "entry-point.unbind", number, null);
    }
}
