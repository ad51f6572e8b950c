package org.switchboard.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** What an {@code Authorization} header carries: a user and password (Basic) or a session token (Bearer). */
sealed interface Credentials {

    record Basic(String user, char[] password) implements Credentials {
    }

    record Bearer(String token) implements Credentials {
    }

    /** The credentials of the header, or empty when it is absent or malformed. */
    static Optional<Credentials> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).trim();
        if (scheme.equals("bearer") && !value.isEmpty()) {
            return Optional.of(new Bearer(value));
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
                }
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
