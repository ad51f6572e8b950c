package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.Code;
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** The code lists: {@code /v1/codes/reasons} (not-ready reasons) and {@code /v1/codes/dispositions}. */
@Component(service = CodesResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/codes/{kind}")
@Tag(name = "codes")
@Produces(MediaType.APPLICATION_JSON)
public class CodesResource {

    @Reference
    AcdConfigStore config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    /** The label of a code, as clients send it. */
    public record Label(String label) {
    }

    @GET
    @Operation(summary = "The codes of a list: 'reasons' or 'dispositions'")
    public List<Code> list(@PathParam("kind") String kind) {
        return config.codes(kindOf(kind));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Adds a code or changes its label")
    public Code put(@PathParam("kind") String kind, @PathParam("code") String code, Label label,
            @Context SecurityContext caller) {
        String text = Check.present("label", Check.present("body", label).label());
        if (text.isBlank() || text.length() > 256) {
            throw ProblemException.invalid("label", "'label' must be 1-256 characters");
        }
        Code saved = new Code(kindOf(kind), Check.name("code", code), text.trim());
        config.saveCode(saved);
        Audit.record(audit, caller, "code.define", kind + "/" + code, saved.label());
        return saved;
    }

    @DELETE
    @Path("{code}")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Removes a code; what was recorded with it stays as it was")
    public Response delete(@PathParam("kind") String kind, @PathParam("code") String code,
            @Context SecurityContext caller) {
        if (!config.deleteCode(kindOf(kind), code)) {
            throw ProblemException.notFound("No code '" + code + "' in " + kind);
        }
        Audit.record(audit, caller, "code.delete", kind + "/" + code, null);
        return Response.noContent().build();
    }

    static CodeKind kindOf(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "reasons" -> CodeKind.REASON;
            case "dispositions" -> CodeKind.DISPOSITION;
            default -> throw ProblemException.notFound("No code list '" + kind + "'; there are 'reasons' and 'dispositions'");
        };
    }

    /** Refuses a code that is not on its list, naming the field and the codes there are. */
    static void requireListed(AcdConfigStore config, CodeKind kind, String field, String code) {
        List<String> listed = config.codes(kind).stream().map(Code::code).toList();
        if (!listed.contains(code)) {
            throw ProblemException.invalid(field, "'" + code + "' is not a configured " + field + "; use one of " + listed);
        }
    }
}
