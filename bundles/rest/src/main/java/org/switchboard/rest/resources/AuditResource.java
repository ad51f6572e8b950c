package org.switchboard.rest.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** The audit log, newest first, for administrators. */
@Component(service = AuditResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/audit")
@Tag(name = "audit")
@RequiresRole(Role.ADMIN)
public class AuditResource {

    static final int MAX_LIMIT = 1000;

    @Reference
    AuditLog audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recent audit entries, newest first")
    public List<AuditEntry> recent(@QueryParam("limit") @DefaultValue("100") String limit) {
        return audit.recent(parseLimit(limit));
    }

    static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw ProblemException.invalid("limit", "Expected a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
    }
}
