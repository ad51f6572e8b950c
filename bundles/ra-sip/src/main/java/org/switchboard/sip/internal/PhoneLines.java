package org.switchboard.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents' phones that still have a leg of ours not over on both sides: rung, in conversation, or hung up by us
 * without the BYE answered yet (or its transaction timed out). A phone is rung for a new call only once its previous
 * one is over, so that no phone is ever offered a second call while it has one, however fast calls come and go.
 */
final class PhoneLines {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneLines.class);

    /** One phone's open legs (SIP Call-IDs) and what waits for it to be free. */
    private record Line(Set<String> legs, List<Runnable> waiting) {
    }

    private final Map<String, String> phoneOfLeg = new ConcurrentHashMap<>();
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    /** Open legs no call has any more, with when that was first seen (System.nanoTime()). */
    private final Map<String, Long> orphans = new ConcurrentHashMap<>();

    /** An INVITE of ours to the phone at {@code extension} went out on leg {@code callId}. */
    void opened(String extension, String callId) {
        LOG.debug("Phone {}: leg {} opened", extension, callId);
        phoneOfLeg.put(callId, extension);
        lines.compute(extension, (phone, line) -> {
            Line open = line == null ? new Line(ConcurrentHashMap.newKeySet(), new ArrayList<>()) : line;
            open.legs().add(callId);
            return open;
        });
    }

    /**
     * Leg {@code callId} is over on the phone's side too (a final failure to our INVITE, the answer to our BYE or
     * its BYE, a transaction that timed out); once its phone has no other leg, what waits for it runs. Idempotent.
     */
    void closed(String callId) {
        String extension = phoneOfLeg.remove(callId);
        if (extension == null) {
            return;
        }
        LOG.debug("Phone {}: leg {} closed", extension, callId);
        List<Runnable> released = new ArrayList<>();
        lines.computeIfPresent(extension, (phone, line) -> {
            line.legs().remove(callId);
            if (!line.legs().isEmpty()) {
                return line;
            }
            released.addAll(line.waiting());
            return null;
        });
        for (Runnable waiting : released) {
            try {
                waiting.run();
            } catch (RuntimeException e) {
                // One waiter failing must not keep the others (other calls' rings) waiting for good.
                LOG.error("What waited for phone {} failed", extension, e);
            }
        }
    }

    /**
     * Closes the legs that no call has had for {@code grace} (longer than a BYE's transaction may take): a phone is
     * never kept busy for good by a leg that was lost track of. Returns the phones of the legs closed.
     */
    List<String> releaseOrphans(Predicate<String> live, long now, long grace) {
        orphans.keySet().retainAll(phoneOfLeg.keySet());
        List<String> released = new ArrayList<>();
        for (Map.Entry<String, String> leg : phoneOfLeg.entrySet()) {
            if (live.test(leg.getKey())) {
                orphans.remove(leg.getKey());
            } else if (now - orphans.computeIfAbsent(leg.getKey(), callId -> now) > grace) {
                released.add(leg.getValue());
                closed(leg.getKey());
            }
        }
        return released;
    }

    boolean busy(String extension) {
        return lines.containsKey(extension);
    }

    /** Runs {@code then} once the phone at {@code extension} is free: at once if it is. */
    void whenFree(String extension, Runnable then) {
        boolean[] free = {false};
        lines.compute(extension, (phone, line) -> {
            if (line == null) {
                free[0] = true;
                return null;
            }
            line.waiting().add(then);
            return line;
        });
        if (free[0]) {
            then.run();
        }
    }
}
