package org.switchboard.sip.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications per source address; a source that fails too often within a window is
 * refused for a while without its credentials even being checked (SIP scanners try passwords by the
 * thousand).
 */
final class AuthThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(AuthThrottle.class);

    private final int maxFailures;
    private final long windowMillis;
    private final long blockMillis;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    AuthThrottle(int maxFailures, long windowMillis, long blockMillis) {
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
        this.blockMillis = blockMillis;
    }

    /** True while the source is refused. */
    boolean blocked(String address, long nowMillis) {
        Source source = sources.get(address);
        return source != null && source.blockedUntil(nowMillis) > nowMillis;
    }

    /** Records a failure; true when it is the one that blocks the source. */
    boolean failed(String address, String user, long nowMillis) {
        Source source = sources.computeIfAbsent(address, a -> new Source());
        boolean nowBlocked = source.fail(nowMillis, maxFailures, windowMillis, blockMillis);
        if (nowBlocked) {
            LOG.warn("SIP source {} failed authentication {} times within {} s (last as '{}'): refused for {} s",
                    address, maxFailures, windowMillis / 1000, user, blockMillis / 1000);
        }
        return nowBlocked;
    }

    void succeeded(String address) {
        sources.remove(address);
    }

    /** Forgets sources with nothing recent, so that scanners spread over many addresses do not fill memory. */
    void forgetOlderThan(long cutoffMillis) {
        sources.values().removeIf(source -> source.lastSeen() < cutoffMillis);
    }

    /** The failures of one address, guarded by itself. */
    private static final class Source {
        private final Deque<Long> failures = new ArrayDeque<>();
        private long blockedUntil;
        private long lastSeen;

        synchronized boolean fail(long now, int max, long window, long block) {
            lastSeen = now;
            failures.addLast(now);
            while (!failures.isEmpty() && failures.peekFirst() < now - window) {
                failures.removeFirst();
            }
            if (failures.size() >= max && blockedUntil <= now) {
                blockedUntil = now + block;
                failures.clear();
                return true;
            }
            return false;
        }

        synchronized long blockedUntil(long now) {
            return blockedUntil;
        }

        synchronized long lastSeen() {
            return Math.max(lastSeen, blockedUntil);
        }
    }
}
