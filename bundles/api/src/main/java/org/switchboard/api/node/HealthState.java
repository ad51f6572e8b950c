package org.switchboard.api.node;

/** Whether a part of the node works. */
public enum HealthState {
    UP,
    DOWN
}
