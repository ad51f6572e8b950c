package org.switchboard.api.acd;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A widening rule of a queue: once a contact has waited {@code after}, agents whose skill levels are up to
 * {@code lowerLevelsBy} below the required minimum may take it, and so may the {@code addGroups}
 * (overflow groups, other sites). Steps reached add their groups; the latest step reached sets the levels.
 */
public record WideningStep(Duration after, int lowerLevelsBy, Set<String> addGroups) {

    public WideningStep {
        Objects.requireNonNull(after, "after");
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("after must be positive, was " + after);
        }
        if (lowerLevelsBy < 0 || lowerLevelsBy > 9) {
            throw new IllegalArgumentException("lowerLevelsBy must be 0..9, was " + lowerLevelsBy);
        }
        addGroups = Set.copyOf(addGroups);
    }
}
