package org.switchboard.rest.resources;

/** Credentials posted to open a session. */
public record SignIn(String username, String password) {
}
