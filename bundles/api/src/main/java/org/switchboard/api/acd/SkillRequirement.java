package org.switchboard.api.acd;

import java.util.Objects;

/** A skill an interaction needs, at a minimum level from 1 to 10. */
public record SkillRequirement(String skill, int minimumLevel) {

    public SkillRequirement {
        Objects.requireNonNull(skill, "skill");
        if (minimumLevel < 1 || minimumLevel > 10) {
            throw new IllegalArgumentException("minimumLevel must be 1..10, was " + minimumLevel);
        }
    }
}
