package org.switchboard.rest.resources;

import java.time.Instant;
import java.util.List;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.Session;

/** An open session as the client sees it: the bearer token, who it stands for and until when. */
public record SessionView(String token, String user, List<String> roles, Instant expiresAt) {

    static SessionView of(Session session) {
        return new SessionView(session.token(), session.user().name(),
                session.user().roles().stream().sorted().map(Role::realmName).toList(), session.expiresAt());
    }
}
