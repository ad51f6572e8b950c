package org.switchboard.api.acd;

/** A command that does not fit the current state; {@code currentState} is the agent's, when it concerned one. */
public class AcdConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final AgentState currentState;

    public AcdConflictException(String message, AgentState currentState) {
        super(message);
        this.currentState = currentState;
    }

    public AgentState currentState() {
        return currentState;
    }
}
