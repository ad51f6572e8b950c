package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.media.Recording;
import org.switchboard.api.media.RecordingIndex;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** Recorded calls at {@code /v1/recordings}, for supervisors only; every download is audited. */
@Component(service = RecordingsResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@javax.ws.rs.Path("v1/recordings")
@Tag(name = "recordings")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.SUPERVISOR)
public class RecordingsResource {

    @Reference
    RecordingIndex index;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    @GET
    @Operation(summary = "Recordings of an interaction (?interaction=ID), or the latest ones (?limit=, 50 by default)")
    public List<Recording> list(@QueryParam("interaction") String interaction, @QueryParam("limit") Integer limit) {
        if (interaction != null && !interaction.isBlank()) {
            return index.ofInteraction(interaction);
        }
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw ProblemException.invalid("limit", "'limit' must be between 1 and 1000");
        }
        return index.recent(limit == null ? 50 : limit);
    }

    @GET
    @javax.ws.rs.Path("{id}")
    @Operation(summary = "One recording's details")
    public Recording get(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @javax.ws.rs.Path("{id}/audio")
    @Produces("audio/wav")
    @Operation(summary = "The recording as a stereo WAV file: the caller on the left, the agent on the right")
    public Response audio(@PathParam("id") String id, @Context SecurityContext caller) {
        Recording recording = find(id);
        Response download = WavDownload.of(recording.file(), id, "recording");
        Audit.record(audit, caller, "recording.download", id, recording.interactionId());
        return download;
    }

    private Recording find(String id) {
        return index.find(id).orElseThrow(() -> ProblemException.notFound("No recording '" + id + "'"));
    }
}
