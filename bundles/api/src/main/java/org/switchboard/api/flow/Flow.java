package org.switchboard.api.flow;

import java.util.Map;
import java.util.Objects;

/** A named flow: its steps by name, run from {@code start}. */
public record Flow(String name, String start, Map<String, Step> steps) {

    public Flow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        steps = Map.copyOf(steps);
    }
}
