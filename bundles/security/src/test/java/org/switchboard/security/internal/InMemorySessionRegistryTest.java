package org.switchboard.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.security.AuthenticatedUser;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.Session;

public class InMemorySessionRegistryTest {

    private final AuthenticatedUser agent = new AuthenticatedUser("anna", Set.of(Role.AGENT));
    private InMemorySessionRegistry registry;
    private Instant now = Instant.parse("2026-01-01T09:00:00Z");

    @Before
    public void setUp() {
        registry = new InMemorySessionRegistry();
        registry.clock = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now; }
        };
        registry.configure(config(30, 2));
    }

    @Test
    public void tokensAreUniqueAndResolveToTheirUser() {
        Session first = registry.open(agent);
        Session second = registry.open(agent);
        assertNotEquals(first.token(), second.token());
        assertEquals("anna", registry.resolve(first.token()).orElseThrow().user().name());
    }

    @Test
    public void closingAllOfAUsersSessionsLeavesOthersOpen() {
        Session first = registry.open(agent);
        Session second = registry.open(agent);
        Session other = registry.open(new AuthenticatedUser("boris", Set.of(Role.SUPERVISOR)));

        registry.closeAll("anna");

        assertFalse(registry.resolve(first.token()).isPresent());
        assertFalse(registry.resolve(second.token()).isPresent());
        assertTrue(registry.resolve(other.token()).isPresent());
    }

    @Test
    public void useKeepsSessionAliveUntilIdleTimeout() {
        Session session = registry.open(agent);
        now = now.plus(Duration.ofMinutes(29));
        assertTrue(registry.resolve(session.token()).isPresent());
        now = now.plus(Duration.ofMinutes(29));
        assertTrue(registry.resolve(session.token()).isPresent());
        now = now.plus(Duration.ofMinutes(30));
        assertFalse(registry.resolve(session.token()).isPresent());
    }

    @Test
    public void sessionEndsAtMaximumAgeEvenWhenUsed() {
        Session session = registry.open(agent);
        for (int i = 0; i < 7; i++) {
            now = now.plus(Duration.ofMinutes(20));
            registry.resolve(session.token());
        }
        now = now.plus(Duration.ofMinutes(1));
        assertFalse(registry.resolve(session.token()).isPresent());
    }

    @Test
    public void closedSessionNoLongerResolves() {
        Session session = registry.open(agent);
        registry.close(session.token());
        assertFalse(registry.resolve(session.token()).isPresent());
        assertFalse(registry.resolve("unknown").isPresent());
    }

    private static SecurityConfig config(int idleMinutes, int maxHours) {
        return new SecurityConfig() {
            public Class<? extends Annotation> annotationType() { return SecurityConfig.class; }
            public int session_idle_minutes() { return idleMinutes; }
            public int session_max_hours() { return maxHours; }
        };
    }
}
