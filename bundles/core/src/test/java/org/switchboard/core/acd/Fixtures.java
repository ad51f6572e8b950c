package org.switchboard.core.acd;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.SkillRequirement;

/** Agents and interactions for engine tests. */
final class Fixtures {

    private Fixtures() {
    }

    static AgentProfile agent(String login) {
        return new AgentProfile(login, login, "hq", Set.of("sales"), Map.of("russian", 5),
                Map.of(Channel.VOICE, 1, Channel.CHAT, 3));
    }

    static AgentProfile agent(String login, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
        return new AgentProfile(login, login, "hq", Set.of("sales"), skills, capacity);
    }

    static Interaction call(String id, String queue, int priority, Instant at) {
        return contact(id, Channel.VOICE, queue, priority, List.of(), at);
    }

    static Interaction contact(String id, Channel channel, String queue, int priority,
            List<SkillRequirement> requirements, Instant at) {
        return new Interaction(id, channel, queue, priority, requirements, "shop.example", "+70000000000",
                Map.of("order", "1"), at);
    }
}
