package org.switchboard.api.acd;

/** The configured code lists: why an agent is not ready, and how an interaction ended. */
public enum CodeKind {
    /** Not-ready reasons: break, lunch, training, ... */
    REASON,
    /** Wrap-up dispositions: sale, resolved, callback, ... */
    DISPOSITION
}
