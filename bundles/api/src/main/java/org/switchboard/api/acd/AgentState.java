package org.switchboard.api.acd;

/**
 * What an agent is doing, as colleagues and supervisors see it. With work in hand the most pressing
 * of it shows: an offer (RESERVED) before a conversation (BUSY) before after-contact work (WRAP_UP).
 */
public enum AgentState {
    LOGGED_OUT,
    READY,
    NOT_READY,
    RESERVED,
    BUSY,
    WRAP_UP
}
