package org.switchboard.acd.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.SkillRequirement;

/** A contact pushed for distribution; {@code id} is generated when absent. */
public record InteractionBody(String id, Channel channel, String queue, Integer priority, List<SkillBody> skills,
        String entryPoint, String customer, Map<String, String> attributes) {

    /** A required skill and its minimum level. */
    public record SkillBody(String skill, Integer minimumLevel) {
    }

    Interaction toInteraction(Instant now) {
        List<SkillRequirement> requirements = skills == null ? List.of() : skills.stream()
                .map(skill -> new SkillRequirement(Check.name("skills.skill", skill.skill()),
                        Check.range("skills.minimumLevel", skill.minimumLevel(), 1, 10, 1)))
                .toList();
        return new Interaction(id == null ? UUID.randomUUID().toString() : Check.name("id", id),
                Check.present("channel", channel), Check.name("queue", queue),
                Check.range("priority", priority, 0, 10, 0), requirements, entryPoint, customer,
                attributes == null ? Map.of() : attributes, now);
    }
}
