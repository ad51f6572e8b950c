package org.switchboard.acd.rest;

import java.util.Map;
import java.util.Set;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;

/** An agent's configuration as clients send it: skills with levels 1-10, capacity per channel. */
public record AgentBody(String name, String site, Set<String> groups, Map<String, Integer> skills,
        Map<Channel, Integer> capacity) {

    AgentProfile toProfile(String login) {
        Set<String> checkedGroups = groups == null ? Set.of() : groups;
        checkedGroups.forEach(group -> Check.name("groups", group));
        Map<String, Integer> checkedSkills = skills == null ? Map.of() : skills;
        checkedSkills.forEach((skill, level) -> {
            Check.name("skills", skill);
            Check.range("skills." + skill, level, 1, 10, 0);
        });
        Map<Channel, Integer> checkedCapacity = capacity == null ? Map.of(Channel.VOICE, 1) : capacity;
        checkedCapacity.forEach((channel, slots) -> Check.range("capacity." + channel, slots, 0, 50, 0));
        return new AgentProfile(login, name == null || name.isBlank() ? login : name.trim(), site, checkedGroups,
                checkedSkills, checkedCapacity);
    }
}
