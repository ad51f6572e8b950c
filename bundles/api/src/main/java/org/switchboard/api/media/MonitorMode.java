package org.switchboard.api.media;

/** How a supervisor joins a conversation. */
public enum MonitorMode {
    /** Hears both parties; nobody hears the supervisor. */
    LISTEN,
    /** Hears both parties; only the agent hears the supervisor. */
    WHISPER,
    /** A three-way conversation: everyone hears everyone. */
    BARGE
}
