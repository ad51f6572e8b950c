package org.switchboard.api.voicemail;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a caller left: the mailbox (a queue) it is for, the caller's number and the number dialed, when it
 * was received, how long it is, the WAV file (mono, 8 kHz), and when someone listened to it (null: not yet).
 */
public record Voicemail(String id, String mailbox, String caller, String dialed, Instant receivedAt,
        Duration duration, String file, Instant heardAt) {

    public Voicemail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(file, "file");
    }

    public boolean heard() {
        return heardAt != null;
    }

    /** This message as listened to at {@code at}. */
    public Voicemail heardAt(Instant at) {
        return new Voicemail(id, mailbox, caller, dialed, receivedAt, duration, file, at);
    }
}
