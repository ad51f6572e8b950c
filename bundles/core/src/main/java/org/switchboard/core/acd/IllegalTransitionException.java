package org.switchboard.core.acd;

import org.switchboard.api.acd.AgentState;

/** A command that does not fit the current state of an agent or interaction; carries that state. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient AgentState current;

    public IllegalTransitionException(String message, AgentState current) {
        super(message);
        this.current = current;
    }

    /** The agent's state when the command was refused, or null when it concerned an interaction. */
    public AgentState current() {
        return current;
    }
}
