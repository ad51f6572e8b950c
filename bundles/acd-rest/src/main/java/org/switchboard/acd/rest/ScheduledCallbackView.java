package org.switchboard.acd.rest;

import java.time.Instant;
import org.switchboard.api.acd.ScheduledCallback;

/** A scheduled callback as clients see it: the id it will have in its queue, and who will be offered it first. */
public record ScheduledCallbackView(String id, String interaction, String queue, String number, String agent,
        Instant at, Instant createdAt) {

    static ScheduledCallbackView of(ScheduledCallback callback) {
        return new ScheduledCallbackView(callback.id(), callback.interactionId(), callback.queue(), callback.number(),
                callback.agent(), callback.at(), callback.createdAt());
    }
}
