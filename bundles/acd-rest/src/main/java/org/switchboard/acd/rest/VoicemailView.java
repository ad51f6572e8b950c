package org.switchboard.acd.rest;

import java.time.Instant;
import org.switchboard.api.voicemail.Voicemail;

/** A voicemail message as the REST API shows it: its length in seconds, and no server path. */
public record VoicemailView(String id, String mailbox, String caller, String dialed, Instant receivedAt,
        double durationSeconds, boolean heard, Instant heardAt) {

    static VoicemailView of(Voicemail message) {
        return new VoicemailView(message.id(), message.mailbox(), message.caller(), message.dialed(),
                message.receivedAt(), message.duration().toMillis() / 1000.0, message.heard(), message.heardAt());
    }
}
