package org.switchboard.acd.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStateEntry;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.acd.InteractionHistory;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.RequiresRole;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.api.security.Role;

/** Agents: configuration, and their sign-in to distribution and presence. */
@Component(service = AgentsResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("v1/agents")
@Tag(name = "agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    @Reference
    AcdService acd;

    @Reference
    AcdConfigStore config;

    @Reference
    InteractionHistory history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    @GET
    @Operation(summary = "Every configured agent with their live state, so colleagues can see who is free")
    public List<AgentResponse> list() {
        Map<String, AgentView> live = acd.agents().stream().collect(Collectors.toMap(AgentView::login, Function.identity()));
        return config.agents().stream().map(profile -> AgentResponse.of(profile, live.get(profile.login()))).toList();
    }

    @GET
    @Path("{login}")
    @Operation(summary = "One agent")
    public AgentResponse get(@PathParam("login") String login) {
        return AgentResponse.of(profile(login), acd.agent(login).orElse(null));
    }

    @PUT
    @Path("{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Creates or changes an agent's configuration (skills, groups, capacity); applies at once")
    public AgentResponse put(@PathParam("login") String login, AgentBody body, @Context SecurityContext caller) {
        AgentProfile profile = Check.present("body", body).toProfile(Check.name("login", login));
        SkillNames.requireKnown(config, "skills", profile.skills().keySet());
        config.saveAgent(profile);
        acd.updateAgent(profile);
        Audit.record(audit, caller, "agent.configure", login, profile.toString());
        return get(login);
    }

    @DELETE
    @Path("{login}")
    @RequiresRole(Role.SUPERVISOR)
    @Operation(summary = "Removes an agent's configuration; refused (409) while they are signed in to distribution")
    public void delete(@PathParam("login") String login, @Context SecurityContext caller) {
        profile(login);
        // A signed-in agent's session would outlive its configuration: nobody could change or sign it in again.
        Optional<AgentView> live = acd.agent(login);
        if (live.isPresent()) {
            throw new ProblemException(409, "Conflict", "Agent '" + login + "' is signed in to distribution ("
                    + live.get().state() + "); sign them out first", null);
        }
        if (!config.deleteAgent(login)) {
            throw ProblemException.notFound("No agent '" + login + "' is configured");
        }
        Audit.record(audit, caller, "agent.delete", login, null);
    }

    /** Where an agent signs in: the phone extension they sit at (absent for chat and e-mail only). */
    public record SignIn(String extension) {
    }

    @POST
    @Path("{login}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signs the agent in to distribution, at a phone extension if given, not ready until they"
            + " choose ready; again at the same extension changes nothing, at another one while signed in is 409")
    public AgentResponse login(@PathParam("login") String login, SignIn signIn, @Context SecurityContext caller) {
        mayActFor(login, caller);
        AgentProfile profile = profile(login);
        String extension = signIn == null || signIn.extension() == null ? null
                : Check.name("extension", signIn.extension());
        Conflicts.run(() -> acd.login(profile, extension));
        auditIfForced(caller, login, "agent.login", null);
        return get(login);
    }

    @POST
    @Path("{login}/logout")
    @Operation(summary = "Signs the agent out of distribution; refused while they have interactions in hand")
    public AgentResponse logout(@PathParam("login") String login, @Context SecurityContext caller) {
        mayActFor(login, caller);
        Conflicts.run(() -> acd.logout(login));
        auditIfForced(caller, login, "agent.logout", null);
        return get(login);
    }

    @PUT
    @Path("{login}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the agent READY, or NOT_READY with a reason")
    public AgentResponse state(@PathParam("login") String login, StateChange change, @Context SecurityContext caller) {
        mayActFor(login, caller);
        AgentState state = Check.present("state", Check.present("body", change).state());
        switch (state) {
            case READY -> Conflicts.run(() -> acd.ready(login));
            case NOT_READY -> {
                String reason = Check.name("reason", change.reason());
                CodesResource.requireListed(config, CodeKind.REASON, "reason", reason);
                Conflicts.run(() -> acd.notReady(login, reason));
            }
            default -> throw ProblemException.invalid("state", "An agent can choose READY or NOT_READY, not " + state);
        }
        auditIfForced(caller, login, "agent.state", state + (change.reason() == null ? "" : " " + change.reason()));
        return get(login);
    }

    @GET
    @Path("{login}/states")
    @Operation(summary = "The agent's recent state changes with not-ready reasons, newest first; with since (an instant"
            + " such as 2026-11-23T00:00:00+03:00) those at or after it, the oldest one's 'from' being the state then")
    public List<AgentStateEntry> states(@PathParam("login") String login,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("since") String since) {
        profile(login);
        int checked = Check.range("limit", limit, 1, 10_000, 100);
        return since == null || since.isBlank() ? history.agentStates(login, checked)
                : history.agentStates(login, instant("since", since), checked);
    }

    private static java.time.Instant instant(String field, String value) {
        try {
            // A '+' of an offset arrives as a space when the caller did not encode it.
            return java.time.OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a date-time with offset, such as 2026-11-23T00:00:00+03:00");
        }
    }

    private AgentProfile profile(String login) {
        return config.agent(login).orElseThrow(() -> ProblemException.notFound("No agent '" + login + "' is configured"));
    }

    /** A supervisor acting for an agent is recorded in the audit log; an agent acting for themselves is not. */
    private void auditIfForced(SecurityContext caller, String login, String action, String detail) {
        if (!caller.getUserPrincipal().getName().equals(login)) {
            Audit.record(audit, caller, action, login, detail);
        }
    }

    /** Agents act for themselves; supervisors for anyone. */
    static void mayActFor(String login, SecurityContext caller) {
        if (!caller.getUserPrincipal().getName().equals(login) && !caller.isUserInRole(Role.SUPERVISOR.realmName())) {
            throw new ProblemException(403, "Forbidden", "Only '" + login + "' or a supervisor may do this", null);
        }
    }
}
