package org.switchboard.store.local;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.store.QueuedContact;

public class LocalContactStoreTest {

    private final LocalContactStore store = new LocalContactStore();

    @Test
    public void reservationIsGrantedOnlyAgainstWhatTheAgentStillHolds() {
        assertTrue(store.reserve("anna", List.of(), List.of("c1")));
        assertFalse("a second writer working from a stale view loses", store.reserve("anna", List.of(), List.of("c2")));
        assertTrue(store.reserve("anna", List.of("c1"), List.of("c2", "c1")));
        assertEquals(List.of("c1", "c2"), store.held("anna"));
        assertFalse(store.reserve("anna", List.of("c1"), List.of()));
        assertTrue(store.reserve("anna", List.of("c2", "c1"), List.of()));
        assertEquals(List.of(), store.held("anna"));
    }

    @Test
    public void keepsContactsUntilRemoved() {
        Instant at = Instant.parse("2026-01-05T09:00:00Z");
        Interaction chat = new Interaction("c1", Channel.CHAT, "sales", 0, List.of(), "site", "u1", Map.of(), at);
        store.put(new QueuedContact(chat, 1, at, at));
        assertEquals(1, store.contacts().size());
        store.remove("c1");
        assertTrue(store.contacts().isEmpty());
    }
}
