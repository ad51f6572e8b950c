package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A callback promised at wrap-up of interaction {@code interactionId}: at {@code at} a callback contact with id
 * {@code id} to {@code number} enters {@code queue}, offered first to {@code agent} when they are ready then.
 */
public record ScheduledCallback(String id, String interactionId, String queue, int priority,
        List<SkillRequirement> requirements, String entryPoint, String number, String agent,
        Map<String, String> attributes, Instant at, Instant createdAt) {

    public ScheduledCallback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(createdAt, "createdAt");
        requirements = List.copyOf(requirements);
        attributes = Map.copyOf(attributes);
    }

    /** The contact that enters the queue when the callback is due. */
    public Interaction toInteraction(Instant now) {
        return new Interaction(id, Channel.CALLBACK, queue, priority, requirements, entryPoint, number, attributes, now);
    }
}
