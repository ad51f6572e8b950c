package org.switchboard.api.node;

import java.util.Objects;

/** The health of one part of the node, with a human-readable detail (product name, error). */
public record ComponentHealth(HealthState status, String detail) {

    public ComponentHealth {
        Objects.requireNonNull(status, "status");
    }

    public static ComponentHealth up(String detail) {
        return new ComponentHealth(HealthState.UP, detail);
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(HealthState.DOWN, detail);
    }

    public boolean isUp() {
        return status == HealthState.UP;
    }
}
