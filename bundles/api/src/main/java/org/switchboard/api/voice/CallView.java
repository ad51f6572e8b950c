package org.switchboard.api.voice;

import java.time.Instant;

/**
 * A live call as supervisors see it: {@code state} is FLOW (in its IVR flow), QUEUED, RINGING (an agent's
 * phone rings), DIALING (a callback dials the customer), TALKING or PARKED (at slot {@code parkedAt});
 * {@code monitoredBy} is the extension of a supervisor listening in, or of a third party in conference.
 */
public record CallView(String interactionId, String caller, String dialed, String state, String queue, String agent,
        boolean held, String monitoredBy, String parkedAt, Instant startedAt) {
}
