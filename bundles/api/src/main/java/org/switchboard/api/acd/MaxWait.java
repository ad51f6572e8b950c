package org.switchboard.api.acd;

import java.time.Duration;
import java.util.Objects;

/**
 * What happens to a contact that has waited {@code after} in a queue: it is called back instead (a call,
 * at the number it came from, keeping its place), goes to the queue {@code target}, or leaves the line
 * for a message (voicemail for a call, an answer later for a chat), which the channel takes from there.
 */
public record MaxWait(Duration after, Action action, String target) {

    /** The ways out of a queue for a contact that waited too long. */
    public enum Action { CALLBACK, QUEUE, MESSAGE }

    public MaxWait {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("after must be positive, was " + after);
        }
        if (action == Action.QUEUE && (target == null || target.isBlank())) {
            throw new IllegalArgumentException("target queue is required for the QUEUE action");
        }
        if (action != Action.QUEUE) {
            target = null;
        }
    }
}
