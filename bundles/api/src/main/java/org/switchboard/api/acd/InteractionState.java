package org.switchboard.api.acd;

/** Where an interaction in distribution stands. */
public enum InteractionState {
    /** In line in its queue. */
    WAITING,
    /** Offered to one agent or, in a ring-all queue, to several. */
    OFFERED,
    /** In conversation with an agent. */
    TALKING,
    /** Ended; the agent does after-contact work. */
    WRAP_UP
}
