package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.acd.SkillRequirement;

public class JdbcScheduledCallbackStoreTest {

    private final Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private JdbcScheduledCallbackStore store;

    @Before
    public void setUp() {
        store = new JdbcScheduledCallbackStore();
        store.database = TestDatabases.migrated();
    }

    @Test
    public void aCallbackIsKeptWithEverythingItNeedsToEnterItsQueue() {
        ScheduledCallback callback = callback("cb-1", now.plusSeconds(3600));

        store.save(callback);

        assertEquals(callback, store.find("cb-1").orElseThrow());
        assertEquals(List.of(callback), store.pending());
    }

    @Test
    public void callbacksAreListedEarliestFirstWithinTheirTimes() {
        store.save(callback("late", now.plusSeconds(7200)));
        store.save(callback("early", now.plusSeconds(60)));
        store.save(callback("outside", now.plusSeconds(86_400)));

        assertEquals(List.of("early", "late"), store.between(now, now.plusSeconds(7201)).stream()
                .map(ScheduledCallback::id).toList());
        assertEquals(List.of("early", "late", "outside"), store.pending().stream().map(ScheduledCallback::id).toList());
    }

    @Test
    public void onlyOneRemovalSucceeds() {
        store.save(callback("cb-2", now));

        assertTrue(store.remove("cb-2"));
        assertFalse(store.remove("cb-2"));
        assertTrue(store.find("cb-2").isEmpty());
    }

    private ScheduledCallback callback(String id, Instant at) {
        return new ScheduledCallback(id, "call-" + id, "sales", 2, List.of(new SkillRequirement("russian", 5)),
                "+74951110000", "+79161234567", "anna", Map.of("order", "A-17", "note = odd", "a,b"), at, now);
    }
}
