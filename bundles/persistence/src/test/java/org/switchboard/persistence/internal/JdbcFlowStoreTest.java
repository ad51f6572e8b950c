package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.Map;

import org.junit.Before;
import org.junit.Test;

public class JdbcFlowStoreTest {

    private JdbcFlowStore store;

    @Before
    public void setUp() {
        store = new JdbcFlowStore();
        store.database = TestDatabases.migrated();
    }

    @Test
    public void flowsAndEntryPointsAreSavedReplacedAndDeleted() {
        store.saveFlow("main", "{\"start\":\"a\"}");
        store.saveFlow("main", "{\"start\":\"b\"}");
        store.saveFlow("night", "{}");
        store.saveEntryPoint("100", "main");
        store.saveEntryPoint("100", "night");
        assertEquals(Map.of("main", "{\"start\":\"b\"}", "night", "{}"), store.flows());
        assertEquals(Map.of("100", "night"), store.entryPoints());
        store.deleteEntryPoint("100");
        store.deleteFlow("night");
        assertEquals(Map.of("main", "{\"start\":\"b\"}"), store.flows());
        assertEquals(Map.of(), store.entryPoints());
    }

    @Test
    public void anEntryPointNeedsItsFlow() {
        try {
            store.saveEntryPoint("200", "missing");
            fail();
        } catch (IllegalStateException expected) {
            // the foreign key refuses it
        }
    }
}
