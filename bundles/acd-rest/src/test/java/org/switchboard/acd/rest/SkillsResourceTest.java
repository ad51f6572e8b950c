package org.switchboard.acd.rest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Skill;
import org.switchboard.api.rest.ProblemException;

public class SkillsResourceTest {

    private final SkillsResource resource = new SkillsResource();
    private final InMemoryAcdConfigStore config = new InMemoryAcdConfigStore();
    private final RecordingAuditLog audit = new RecordingAuditLog();

    @Before
    public void wire() {
        resource.config = config;
        resource.audit = audit;
    }

    @Test
    public void aSkillIsAddedChangedAndListed() {
        resource.put("wholesale", new SkillsResource.Description(" Big orders "), Callers.named("sue"));
        Skill changed = resource.put("wholesale", new SkillsResource.Description("Orders of 50 items"),
                Callers.named("sue"));

        assertEquals(new Skill("wholesale", "Orders of 50 items"), changed);
        assertEquals(List.of(changed), resource.list());
        assertEquals(List.of("sue skill.define wholesale", "sue skill.define wholesale"), audit.entries);
    }

    @Test
    public void aSkillNeedsNoDescription() {
        assertEquals(new Skill("gift-cards", ""), resource.put("gift-cards", null, Callers.named("sue")));
    }

    @Test
    public void badNamesAndLongDescriptionsAreRefusedByField() {
        assertEquals("name", assertThrows(ProblemException.class,
                () -> resource.put("two words", null, Callers.named("sue"))).field());
        assertEquals("description", assertThrows(ProblemException.class, () -> resource.put("wholesale",
                new SkillsResource.Description("x".repeat(257)), Callers.named("sue"))).field());
        assertTrue(config.skills.isEmpty());
    }

    @Test
    public void aSkillInUseIsKeptAndItsUsersNamed() {
        config.saveSkill(new Skill("russian", ""));
        config.saveAgent(new AgentProfile("anna", "Anna", null, Set.of(), Map.of("russian", 8), Map.of()));
        config.saveAgent(new AgentProfile("boris", "Boris", null, Set.of(), Map.of("russian", 3), Map.of()));

        ProblemException problem = assertThrows(ProblemException.class,
                () -> resource.delete("russian", Callers.named("sue")));

        assertEquals(409, problem.status());
        assertThat(problem.getMessage(), containsString("agent 'anna', agent 'boris'"));
        assertTrue(config.skills.containsKey("russian"));
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    public void anUnusedSkillIsDeleted() {
        config.saveSkill(new Skill("russian", ""));

        resource.delete("russian", Callers.named("sue"));

        assertTrue(config.skills.isEmpty());
        assertEquals(List.of("sue skill.delete russian"), audit.entries);
    }

    @Test
    public void anUnknownSkillIsNotFound() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.delete("juggling", Callers.named("sue"))).status());
    }
}
