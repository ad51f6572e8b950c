package org.switchboard.store.hazelcast;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.store.QueuedContact;

/** A real single Hazelcast member on a free loopback port. */
public class HazelcastContactStoreTest {

    private final HazelcastContactStore store = new HazelcastContactStore();

    @Before
    public void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        store.activate(settings(port));
    }

    @After
    public void stop() {
        store.deactivate();
    }

    @Test
    public void keepsContactsWithEveryField() {
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        Interaction chat = new Interaction("c1", Channel.CHAT, "support", 3, List.of(new SkillRequirement("english", 4)),
                "site", "visitor", Map.of("order", "A-1"), at);
        QueuedContact kept = new QueuedContact(chat, 7, at, at.plusSeconds(60));
        store.put(kept);
        assertEquals(List.of(kept), store.contacts());
        store.remove("c1");
        assertTrue(store.contacts().isEmpty());
    }

    @Test
    public void reservesByCompareAndSet() {
        assertTrue(store.reserve("anna", List.of(), List.of("c1")));
        assertFalse(store.reserve("anna", List.of(), List.of("c2")));
        assertTrue(store.reserve("anna", List.of("c1"), List.of("c2", "c1")));
        assertEquals(List.of("c1", "c2"), store.held("anna"));
        assertFalse(store.reserve("anna", List.of("c1"), List.of()));
        assertTrue(store.reserve("anna", List.of("c1", "c2"), List.of()));
        assertEquals(List.of(), store.held("anna"));
    }

    private static HazelcastStoreConfig settings(int port) {
        return new HazelcastStoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HazelcastStoreConfig.class;
            }

            @Override
            public String cluster_name() {
                return "test-" + port;
            }

            @Override
            public String address() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String members() {
                return "";
            }
        };
    }
}
