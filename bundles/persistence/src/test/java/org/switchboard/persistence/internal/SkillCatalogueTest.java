package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Skill;

/** The skill catalogue in the database: stored, kept consistent with agents' skills, seeded on migration. */
public class SkillCatalogueTest {

    private JdbcDataSource dataSource;

    @Before
    public void freshDatabase() {
        dataSource = TestDatabases.fresh();
    }

    @Test
    public void skillsAreStoredChangedAndDeleted() {
        JdbcAcdConfigStore store = migratedStore();
        store.saveSkill(new Skill("wholesale", "Orders of 100 items and more"));
        store.saveSkill(new Skill("wholesale", "Orders of 50 items and more"));
        store.saveSkill(new Skill("gift-cards", null));

        assertTrue(store.skills().contains(new Skill("wholesale", "Orders of 50 items and more")));
        assertTrue(store.skills().contains(new Skill("gift-cards", "")));
        List<String> names = store.skills().stream().map(Skill::name).toList();
        assertEquals("ordered by name", names.stream().sorted().toList(), names);
        assertTrue(store.deleteSkill("wholesale"));
        assertFalse(store.deleteSkill("wholesale"));
    }

    @Test
    public void agentsKeepTheirSkillsWhenTheDescriptionChanges() {
        JdbcAcdConfigStore store = migratedStore();
        store.saveSkill(new Skill("wholesale", "Big orders"));
        store.saveAgent(agent("anna", "wholesale"));

        store.saveSkill(new Skill("wholesale", "Orders of 50 items and more"));

        assertEquals(Map.of("wholesale", 7), store.agent("anna").orElseThrow().skills());
    }

    @Test
    public void theDatabaseRefusesSkillsOutsideTheCatalogue() {
        JdbcAcdConfigStore store = migratedStore();
        store.saveSkill(new Skill("wholesale", ""));
        store.saveAgent(agent("anna", "wholesale"));

        assertThrows(IllegalStateException.class, () -> store.deleteSkill("wholesale"));
        assertThrows(IllegalStateException.class, () -> store.saveAgent(agent("boris", "juggling")));
        assertTrue("the refused save left nothing behind", store.agent("boris").isEmpty());
        assertTrue(store.deleteAgent("anna"));
        assertTrue(store.deleteSkill("wholesale"));
    }

    @Test
    public void skillsAgentsHadBeforeTheCatalogueAreSeeded() throws Exception {
        Flyway.configure(SwitchboardDatabase.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").target("6").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO acd_agent (login, name) VALUES ('anna', 'Anna'), ('boris', 'Boris')");
            sql.executeUpdate("INSERT INTO acd_agent_skill (login, skill, level) VALUES ('anna', 'wholesale', 8),"
                    + " ('anna', 'russian', 9), ('boris', 'wholesale', 3)");
        }

        JdbcAcdConfigStore store = migratedStore();

        assertTrue(store.skills().contains(new Skill("wholesale", "")));
        assertTrue("a starter skill keeps its description",
                store.skills().contains(new Skill("russian", "Speaks Russian")));
        assertEquals("seeded once", 1,
                store.skills().stream().filter(skill -> skill.name().equals("wholesale")).count());
        assertEquals(Map.of("wholesale", 8, "russian", 9), store.agent("anna").orElseThrow().skills());
    }

    private JdbcAcdConfigStore migratedStore() {
        SwitchboardDatabase database = TestDatabases.migrated(dataSource);
        JdbcAcdConfigStore store = new JdbcAcdConfigStore();
        store.database = database;
        return store;
    }

    private static AgentProfile agent(String login, String skill) {
        return new AgentProfile(login, login, null, Set.of(), Map.of(skill, 7), Map.of());
    }
}
