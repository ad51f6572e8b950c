package org.switchboard.api.acd;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An agent as configured: skills with levels 1 to 10, groups that give access to queues, and how many
 * interactions of each channel they handle at once (for example voice 1, chat 3, e-mail 5).
 */
public record AgentProfile(
        String login,
        String name,
        String site,
        Set<String> groups,
        Map<String, Integer> skills,
        Map<Channel, Integer> capacity) {

    public AgentProfile {
        Objects.requireNonNull(login, "login");
        groups = Set.copyOf(groups);
        skills = Map.copyOf(skills);
        capacity = Map.copyOf(capacity);
    }

    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    /** How many interactions of this channel's line the agent handles at once (calls share the voice line). */
    public int capacity(Channel channel) {
        return capacity.getOrDefault(channel.line(), 0);
    }
}
