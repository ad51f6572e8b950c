package org.switchboard.api.security;

/** A change to the realm's users refused because of what is there now, such as removing the last administrator. */
public class UserConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserConflictException(String message) {
        super(message);
    }
}
