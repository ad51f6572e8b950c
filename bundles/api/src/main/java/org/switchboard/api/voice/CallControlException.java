package org.switchboard.api.voice;

/** A call command that cannot be carried out: no such call ({@code notFound}), or not in a fitting state. */
public class CallControlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    public CallControlException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
