package org.switchboard.api.acd;

import java.util.Objects;

/** One entry of the skill catalogue: the name agents, queues and interactions refer to, and what it means. */
public record Skill(String name, String description) {

    public Skill {
        Objects.requireNonNull(name, "name");
        // A skill may be named before anyone writes down what it covers.
        description = description == null ? "" : description;
    }
}
