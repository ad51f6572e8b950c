package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.voicemail.Voicemail;

public class JdbcVoicemailStoreTest {

    private static final Instant NOON = Instant.parse("2026-11-23T09:00:00Z");

    private JdbcVoicemailStore store;

    @Before
    public void setUp() {
        store = new JdbcVoicemailStore();
        store.database = TestDatabases.migrated();
    }

    @Test
    public void messagesAreListedByMailboxNewestFirstAndMarkedHeardOnce() {
        Voicemail first = new Voicemail("m1", "sales", "79161234567", "100", NOON, Duration.ofMillis(4520),
                "/var/voicemail/m1.wav", null);
        Voicemail second = new Voicemail("m2", "support", null, null, NOON.plusSeconds(60), Duration.ofSeconds(12),
                "/var/voicemail/m2.wav", null);
        Voicemail third = new Voicemail("m3", "sales", "79160000000", "100", NOON.plusSeconds(120),
                Duration.ofSeconds(1), "/var/voicemail/m3.wav", null);
        store.add(first);
        store.add(second);
        store.add(third);

        assertEquals(first, store.find("m1").orElseThrow());
        assertTrue(store.find("nope").isEmpty());
        assertEquals(List.of(third, first), store.ofMailbox("sales", 10));
        assertEquals(List.of(third), store.ofMailbox("sales", 1));
        assertEquals(List.of(third, second), store.recent(2));

        assertTrue(store.markHeard("m1", NOON.plusSeconds(300)));
        assertTrue(store.markHeard("m1", NOON.plusSeconds(900)));
        assertEquals("the first listening counts", first.heardAt(NOON.plusSeconds(300)), store.find("m1").orElseThrow());
        assertFalse(store.find("m2").orElseThrow().heard());
        assertFalse(store.markHeard("nope", NOON));
    }
}
