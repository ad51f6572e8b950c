package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.store.QueuedContact;

public class JdbcKeptContactsTest {

    private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
    private JdbcKeptContacts kept;

    @Before
    public void setUp() {
        SwitchboardDatabase database = TestDatabases.migrated();
        kept = new JdbcKeptContacts();
        kept.database = database;
    }

    @Test
    public void keepsWhatOutlivesTheProcessUntilItIsAccepted() {
        Interaction chat = new Interaction("chat-1", Channel.CHAT, "support", 2,
                List.of(new SkillRequirement("english", 3)), "site", "visitor 7",
                Map.of("order", "A-1", "note", "line one\nline two = x"), start);
        kept.onEvent(new AcdEvent.Queued(start, chat, false));
        kept.onEvent(new AcdEvent.Queued(start, call("call-1"), false));

        List<QueuedContact> pending = kept.pending();
        assertEquals("a live call is not kept", 1, pending.size());
        assertEquals(new QueuedContact(chat, pending.get(0).sequence(), start, start), pending.get(0));

        kept.onEvent(new AcdEvent.Accepted(start.plusSeconds(5), "chat-1", "anna"));
        assertTrue(kept.pending().isEmpty());
    }

    @Test
    public void aCallbackIsKeptWithItsPlaceAndFollowsItsQueue() {
        Interaction callback = new Interaction("call-2", Channel.CALLBACK, "sales", 0, List.of(), "8800", "+7495",
                Map.of(), start);
        kept.onEvent(new AcdEvent.Queued(start, call("call-2"), false));
        kept.onEvent(new AcdEvent.CallbackRequested(start.plusSeconds(40), callback, start));
        kept.onEvent(new AcdEvent.Overflowed(start.plusSeconds(300), "call-2", "sales", MaxWait.Action.QUEUE, "late"));

        QueuedContact restored = kept.pending().get(0);
        assertEquals(Channel.CALLBACK, restored.interaction().channel());
        assertEquals("late", restored.interaction().queue());
        assertEquals(start, restored.enqueuedAt());
        assertEquals(start.plusSeconds(300), restored.queuedHereAt());

        kept.onEvent(new AcdEvent.Dropped(start.plusSeconds(400), "call-2", "late"));
        assertTrue(kept.pending().isEmpty());
    }

    private Interaction call(String id) {
        return new Interaction(id, Channel.VOICE, "sales", 0, List.of(), "8800", "+7495", Map.of(), start);
    }
}
