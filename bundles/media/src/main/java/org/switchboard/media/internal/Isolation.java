package org.switchboard.media.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step of the media clock for each of many legs or bridges so that one that fails neither stops the others
 * in that pass nor floods the log 50 times a second: its first failure is logged at WARN, the later ones at DEBUG.
 */
final class Isolation {

    private static final Logger LOG = LoggerFactory.getLogger(Isolation.class);

    private final Set<Object> failing = ConcurrentHashMap.newKeySet();

    /** Runs {@code step} for every item; {@code what} names the step in the log. */
    <T> void forEach(Iterable<T> items, String what, Consumer<T> step) {
        for (T item : items) {
            try {
                step.accept(item);
            } catch (RuntimeException e) {
                if (failing.add(item)) {
                    LOG.warn("{} failed for {}; the others carry on (further failures of it at DEBUG)", what, item, e);
                } else {
                    LOG.debug("{} failed again for {}: {}", what, item, e.toString());
                }
            }
        }
    }

    /** The item is gone (a leg closed, a bridge ended): a new one of the same identity starts with a clean slate. */
    void forget(Object item) {
        failing.remove(item);
    }

    /** Whether {@code item} has failed since it was last forgotten. */
    boolean failed(Object item) {
        return failing.contains(item);
    }
}
