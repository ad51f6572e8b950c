package org.switchboard.api.security;

import java.time.Instant;

/** A signed-in session: an opaque bearer token that stands for the user until it expires. */
public record Session(String token, AuthenticatedUser user, Instant expiresAt) {
}
