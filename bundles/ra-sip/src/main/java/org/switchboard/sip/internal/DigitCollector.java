package org.switchboard.sip.internal;

import java.util.function.Consumer;

/**
 * Collects the keys a caller presses for one flow step: up to a number of digits, ended early by a
 * terminator key or by silence. Used on the call's lane only.
 */
final class DigitCollector {

    private final int maxDigits;
    private final String terminators;
    private final Consumer<String> then;
    private final StringBuilder digits = new StringBuilder();
    private boolean done;
    /** Bumped at each key, so that a silence timer set before it knows it is stale. */
    private int generation;

    DigitCollector(int maxDigits, String terminators, Consumer<String> then) {
        this.maxDigits = maxDigits;
        this.terminators = terminators;
        this.then = then;
    }

    /** A key; true when it completed the collection. */
    boolean key(char key) {
        if (done) {
            return false;
        }
        generation++;
        if (terminators.indexOf(key) >= 0) {
            return finish();
        }
        digits.append(key);
        return digits.length() >= maxDigits && finish();
    }

    int generation() {
        return generation;
    }

    boolean hasKeys() {
        return generation > 0;
    }

    /** Silence: what was collected so far is the answer, unless keys came since the timer was set. */
    boolean silence(int sinceGeneration) {
        return !done && sinceGeneration == generation && finish();
    }

    boolean done() {
        return done;
    }

    private boolean finish() {
        done = true;
        then.accept(digits.toString());
        return true;
    }
}
