package org.switchboard.acd.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;

/**
 * An agent's configuration with their live state: LOGGED_OUT when not signed in to distribution; {@code extension}
 * is the phone they signed in at.
 */
public record AgentResponse(String login, String name, String site, Set<String> groups, Map<String, Integer> skills,
        Map<Channel, Integer> capacity, AgentState state, String reason, Instant since, Integer handled,
        List<String> interactions, String extension) {

    static AgentResponse of(AgentProfile profile, AgentView live) {
        return live == null
                ? new AgentResponse(profile.login(), profile.name(), profile.site(), profile.groups(), profile.skills(),
                        profile.capacity(), AgentState.LOGGED_OUT, null, null, null, List.of(), null)
                : new AgentResponse(profile.login(), profile.name(), profile.site(), profile.groups(), profile.skills(),
                        profile.capacity(), live.state(), live.reason(), live.since(), live.handled(),
                        live.interactions(), live.extension());
    }
}
