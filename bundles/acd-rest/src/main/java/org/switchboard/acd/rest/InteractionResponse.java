package org.switchboard.acd.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.SkillRequirement;

/** An interaction in distribution as the API shows it. */
public record InteractionResponse(String id, Channel channel, Interaction.Direction direction, String queue,
        int priority, List<SkillRequirement> skills, String entryPoint, String customer, Map<String, String> attributes,
        Instant createdAt, InteractionState state, List<String> agents, Instant enqueuedAt, Instant since) {

    static InteractionResponse of(InteractionView view) {
        Interaction contact = view.interaction();
        return new InteractionResponse(contact.id(), contact.channel(), contact.direction(), contact.queue(),
                contact.priority(), contact.requirements(), contact.entryPoint(), contact.customer(),
                contact.attributes(), contact.createdAt(), view.state(), view.agents(), view.enqueuedAt(), view.since());
    }
}
