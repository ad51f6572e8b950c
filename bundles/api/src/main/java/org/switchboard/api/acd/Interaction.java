package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer contact to be handled by an agent: a call, chat, e-mail, SMS, callback or outbound call.
 * {@code entryPoint} is the number or site the customer used; {@code customer} their phone, address or chat id.
 */
public record Interaction(
        String id,
        Channel channel,
        String queue,
        int priority,
        List<SkillRequirement> requirements,
        String entryPoint,
        String customer,
        Map<String, String> attributes,
        Instant createdAt) {

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(createdAt, "createdAt");
        requirements = List.copyOf(requirements);
        attributes = Map.copyOf(attributes);
    }

    /** Outbound for the calls we place (callbacks, campaigns), inbound for what customers start. */
    public Direction direction() {
        return channel == Channel.CALLBACK || channel == Channel.OUTBOUND ? Direction.OUTBOUND : Direction.INBOUND;
    }

    /** Who started the contact: the customer, or the contact center. */
    public enum Direction { INBOUND, OUTBOUND }
}
