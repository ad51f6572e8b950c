package org.switchboard.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.switchboard.api.security.AuthenticatedUser;
import org.switchboard.api.security.Session;
import org.switchboard.api.security.SessionRegistry;

/** Sessions of this node, with random 256-bit tokens, an idle timeout and a maximum age. */
@Component(configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public class InMemorySessionRegistry implements SessionRegistry {

    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();
    private volatile Duration idle;
    private volatile Duration maximum;

    /** A session with the instant it was opened, which bounds its total life. */
    private record Entry(Session session, Instant openedAt) {
    }

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        idle = Duration.ofMinutes(config.session_idle_minutes());
        maximum = Duration.ofHours(config.session_max_hours());
    }

    @Override
    public Session open(AuthenticatedUser user) {
        Instant now = clock.instant();
        sessions.values().removeIf(entry -> expired(entry, now));
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(token, user, expiry(now, now));
        sessions.put(token, new Entry(session, now));
        return session;
    }

    @Override
    public Optional<Session> resolve(String token) {
        Instant now = clock.instant();
        Entry renewed = sessions.computeIfPresent(token, (key, entry) -> expired(entry, now) ? null
                : new Entry(new Session(key, entry.session().user(), expiry(entry.openedAt(), now)), entry.openedAt()));
        return Optional.ofNullable(renewed).map(Entry::session);
    }

    @Override
    public void close(String token) {
        sessions.remove(token);
    }

    @Override
    public void closeAll(String user) {
        sessions.values().removeIf(entry -> entry.session().user().name().equals(user));
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.session().expiresAt());
    }

    private Instant expiry(Instant openedAt, Instant now) {
        Instant byIdle = now.plus(idle);
        Instant byAge = openedAt.plus(maximum);
        return byIdle.isBefore(byAge) ? byIdle : byAge;
    }
}
