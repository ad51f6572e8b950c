package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.Skill;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** The skill catalogue at {@code /v1/skills}: the only skills agents may have and contacts may require. */
@Component(service = SkillsResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/skills")
@Tag(name = "skills")
@Produces(MediaType.APPLICATION_JSON)
public class SkillsResource {

    @Reference
    AcdConfigStore config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    /** What a skill covers, as clients send it; absent or empty is allowed. */
    public record Description(String description) {
    }

    @GET
    @Operation(summary = "The skill catalogue, ordered by name")
    public List<Skill> list() {
        return config.skills();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Adds a skill to the catalogue or changes its description")
    public Skill put(@PathParam("name") String name, Description body, @Context SecurityContext caller) {
        String checked = Check.name("name", name);
        String text = body == null || body.description() == null ? "" : body.description().trim();
        if (text.length() > 256) {
            throw ProblemException.invalid("description", "'description' must be at most 256 characters");
        }
        Skill saved = new Skill(checked, text);
        config.saveSkill(saved);
        Audit.record(audit, caller, "skill.define", name, text);
        return saved;
    }

    @DELETE
    @Path("{name}")
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Removes a skill from the catalogue; refused (409) while an agent has it")
    public void delete(@PathParam("name") String name, @Context SecurityContext caller) {
        if (config.skills().stream().noneMatch(skill -> skill.name().equals(name))) {
            throw ProblemException.notFound("No skill '" + name + "' in the catalogue");
        }
        List<String> users = SkillUsers.of(config, name);
        if (!users.isEmpty()) {
            throw new ProblemException(409, "Conflict", "Skill '" + name + "' is still used by "
                    + String.join(", ", users) + "; take it from them first", null);
        }
        if (!config.deleteSkill(name)) {
            throw ProblemException.notFound("No skill '" + name + "' in the catalogue");
        }
        Audit.record(audit, caller, "skill.delete", name, null);
    }
}
