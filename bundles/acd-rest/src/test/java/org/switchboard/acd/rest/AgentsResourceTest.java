package org.switchboard.acd.rest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Skill;
import org.switchboard.api.rest.ProblemException;

/** Agents' skills must be in the catalogue; agents can be deleted once signed out. */
public class AgentsResourceTest {

    private final AgentsResource resource = new AgentsResource();
    private final InMemoryAcdConfigStore config = new InMemoryAcdConfigStore();
    private final StubAcd acd = new StubAcd();
    private final RecordingAuditLog audit = new RecordingAuditLog();

    @Before
    public void wire() {
        resource.config = config;
        resource.acd = acd.service;
        resource.audit = audit;
        config.saveSkill(new Skill("russian", ""));
    }

    @Test
    public void catalogueSkillsAreAccepted() {
        resource.put("anna", new AgentBody("Anna", null, Set.of(), Map.of("russian", 8), null), Callers.named("sue"));

        assertEquals(Map.of("russian", 8), config.agents.get("anna").skills());
    }

    @Test
    public void anUnknownSkillIsRefusedByName() {
        AgentBody body = new AgentBody("Anna", null, Set.of(), Map.of("russian", 8, "juggling", 2), null);
        ProblemException problem = assertThrows(ProblemException.class,
                () -> resource.put("anna", body, Callers.named("sue")));

        assertEquals(400, problem.status());
        assertEquals("skills", problem.field());
        assertThat(problem.getMessage(), containsString("'juggling'"));
        assertTrue("nothing saved", config.agents.isEmpty());
    }

    @Test
    public void aSignedOutAgentIsDeleted() {
        config.saveAgent(profile("anna"));

        resource.delete("anna", Callers.named("sue"));

        assertTrue(config.agents.isEmpty());
        assertEquals(List.of("sue agent.delete anna"), audit.entries);
    }

    @Test
    public void aSignedInAgentIsKept() {
        config.saveAgent(profile("anna"));
        acd.agents.put("anna",
                new AgentView("anna", "Anna", null, null, AgentState.READY, null, Instant.EPOCH, 0, List.of()));

        ProblemException problem = assertThrows(ProblemException.class,
                () -> resource.delete("anna", Callers.named("sue")));

        assertEquals(409, problem.status());
        assertThat(problem.getMessage(), containsString("READY"));
        assertTrue(config.agents.containsKey("anna"));
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    public void anUnknownAgentIsNotFound() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.delete("nobody", Callers.named("sue"))).status());
    }

    private static AgentProfile profile(String login) {
        return new AgentProfile(login, login, null, Set.of(), Map.of(), Map.of());
    }
}
