package org.switchboard.acd.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.Skill;
import org.switchboard.api.rest.ProblemException;

public class SkillNamesTest {

    private final InMemoryAcdConfigStore config = new InMemoryAcdConfigStore();

    @Before
    public void catalogue() {
        config.saveSkill(new Skill("russian", "Speaks Russian"));
        config.saveSkill(new Skill("returns", ""));
    }

    @Test
    public void knownSkillsPass() {
        SkillNames.requireKnown(config, "skills", Set.of("russian", "returns"));
    }

    @Test
    public void noSkillsNeedNoCatalogue() {
        InMemoryAcdConfigStore unreadable = new InMemoryAcdConfigStore() {
            @Override
            public List<Skill> skills() {
                throw new AssertionError("the catalogue was read");
            }
        };
        SkillNames.requireKnown(unreadable, "skills.skill", List.of());
    }

    @Test
    public void anUnknownSkillIsNamedWithItsField() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> SkillNames.requireKnown(config, "skills.skill", List.of("russian", "juggling")));

        assertEquals(400, problem.status());
        assertEquals("skills.skill", problem.field());
        assertEquals("Skill 'juggling' is not in the skill catalogue; add it with PUT /api/v1/skills/juggling",
                problem.getMessage());
    }

    @Test
    public void severalUnknownSkillsAreNamedOnceEachInOrder() {
        assertEquals(List.of("juggling", "kazakh"),
                SkillNames.unknown(List.of("kazakh", "russian", "juggling", "kazakh"), config.skills()));
        assertEquals("Skills 'juggling', 'kazakh' are not in the skill catalogue;"
                + " add them with PUT /api/v1/skills/{name}", SkillNames.message(List.of("juggling", "kazakh")));
    }
}
