package org.switchboard.api.acd;

/** The medium of an interaction; every channel shares one routing model. */
public enum Channel {
    VOICE,
    CHAT,
    EMAIL,
    SMS,
    CALLBACK,
    OUTBOUND
}
