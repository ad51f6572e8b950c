package org.switchboard.api.acd;

/**
 * The medium of an interaction; every channel shares one routing model. Callbacks and outbound calls are
 * telephone calls: they use the agent's voice line, its capacity and its slot.
 */
public enum Channel {
    VOICE,
    CHAT,
    EMAIL,
    SMS,
    CALLBACK,
    OUTBOUND;

    /** The agent's line this channel occupies: VOICE for every kind of call, else the channel itself. */
    public Channel line() {
        return this == CALLBACK || this == OUTBOUND ? VOICE : this;
    }
}
