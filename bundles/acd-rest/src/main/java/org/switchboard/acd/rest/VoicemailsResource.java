package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;
import org.switchboard.api.voicemail.Voicemail;
import org.switchboard.api.voicemail.VoicemailStore;

/** Messages callers left, at {@code /v1/voicemails}, for supervisors only; every download is audited. */
@Component(service = VoicemailsResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@javax.ws.rs.Path("v1/voicemails")
@Tag(name = "voicemails")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.SUPERVISOR)
public class VoicemailsResource {

    @Reference
    VoicemailStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    Clock clock = Clock.systemUTC();

    @GET
    @Operation(summary = "The latest messages of a mailbox (?mailbox=QUEUE) or of all, newest first (?limit=, 50 by default)")
    public List<VoicemailView> list(@QueryParam("mailbox") String mailbox, @QueryParam("limit") Integer limit) {
        int rows = Check.range("limit", limit, 1, 1000, 50);
        List<Voicemail> messages = mailbox == null ? store.recent(rows)
                : store.ofMailbox(Check.name("mailbox", mailbox), rows);
        return messages.stream().map(VoicemailView::of).toList();
    }

    @GET
    @javax.ws.rs.Path("{id}")
    @Operation(summary = "One message's details")
    public VoicemailView get(@PathParam("id") String id) {
        return VoicemailView.of(find(id));
    }

    @GET
    @javax.ws.rs.Path("{id}/audio")
    @Produces("audio/wav")
    @Operation(summary = "The message as a mono WAV file (8 kHz, 16-bit)")
    public Response audio(@PathParam("id") String id, @Context SecurityContext caller) {
        Voicemail message = find(id);
        Response download = WavDownload.of(message.file(), id, "message");
        Audit.record(audit, caller, "voicemail.download", id, message.mailbox());
        return download;
    }

    @POST
    @javax.ws.rs.Path("{id}/heard")
    @Operation(summary = "Marks a message as listened to (the first time counts)")
    public VoicemailView heard(@PathParam("id") String id, @Context SecurityContext caller) {
        if (!store.markHeard(id, clock.instant())) {
            throw notFound(id);
        }
        Audit.record(audit, caller, "voicemail.heard", id, null);
        return VoicemailView.of(find(id));
    }

    private Voicemail find(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No voicemail message '" + id + "'");
    }
}
