package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Code;
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.OpeningHours;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.ServiceLevel;
import org.switchboard.api.acd.WideningStep;

public class JdbcAcdConfigStoreTest {

    private JdbcAcdConfigStore store;

    @Before
    public void setUp() {
        SwitchboardDatabase database = TestDatabases.migrated();
        store = new JdbcAcdConfigStore();
        store.database = database;
    }

    @Test
    public void queueIsStoredWithAllItsRules() {
        QueueDefinition sales = new QueueDefinition("sales", RoutingStrategy.BEST_SKILL, Set.of("a", "b"),
                Duration.ofSeconds(45), Duration.ofSeconds(15), Duration.ofSeconds(20), 50, true,
                new ServiceLevel(Duration.ofSeconds(30), 90), List.of(
                        new WideningStep(Duration.ofSeconds(30), 2, Set.of()),
                        new WideningStep(Duration.ofSeconds(90), 3, Set.of("overflow", "spb"))),
                new MaxWait(Duration.ofSeconds(300), MaxWait.Action.QUEUE, "overflow"),
                new OpeningHours("mon-fri 09:00-18:00; sat 10:00-14:00", ZoneId.of("Europe/Moscow"),
                        Set.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-07"))), "night");
        store.saveQueue(sales);
        store.saveQueue(QueueDefinition.named("support"));

        assertEquals(List.of(sales, QueueDefinition.named("support")), store.queues());

        QueueDefinition changed = sales.withGroups(Set.of("c")).withStrategy(RoutingStrategy.LINEAR);
        store.saveQueue(changed);
        assertEquals(changed, store.queues().get(0));
        assertTrue(store.deleteQueue("sales"));
        assertFalse(store.deleteQueue("sales"));
        assertEquals(1, store.queues().size());
    }

    @Test
    public void codeListsStartWithDefaultsAndCanChange() {
        assertTrue(store.codes(CodeKind.REASON).contains(new Code(CodeKind.REASON, "lunch", "Lunch")));
        store.saveCode(new Code(CodeKind.DISPOSITION, "return", "Return requested"));
        store.saveCode(new Code(CodeKind.DISPOSITION, "return", "Return form sent"));
        assertTrue(store.codes(CodeKind.DISPOSITION).contains(new Code(CodeKind.DISPOSITION, "return", "Return form sent")));
        assertTrue(store.deleteCode(CodeKind.DISPOSITION, "return"));
        assertFalse(store.deleteCode(CodeKind.DISPOSITION, "return"));
    }

    @Test
    public void agentIsStoredWithGroupsSkillsAndCapacity() {
        AgentProfile anna = new AgentProfile("anna", "Anna K.", "moscow", Set.of("sales", "vip"),
                Map.of("russian", 10, "returns", 4), Map.of(Channel.VOICE, 1, Channel.CHAT, 3));
        store.saveAgent(anna);
        store.saveAgent(new AgentProfile("boris", "Boris", null, Set.of(), Map.of(), Map.of()));

        assertEquals(anna, store.agent("anna").orElseThrow());
        assertEquals(2, store.agents().size());
        assertTrue(store.deleteAgent("anna"));
        assertTrue(store.agent("anna").isEmpty());
    }
}
