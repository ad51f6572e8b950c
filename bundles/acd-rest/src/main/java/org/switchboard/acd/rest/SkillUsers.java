package org.switchboard.acd.rest;

import java.util.List;
import org.switchboard.api.acd.AcdConfigStore;

/** Who in the configuration still uses a skill, so that deleting it can be refused by name. */
final class SkillUsers {

    private SkillUsers() {
    }

    /**
     * The agents that have the skill, as "agent 'login'". Queues are not asked: their rules (groups, widening
     * steps) name groups and levels, never a skill; contacts name skills but are not configuration.
     */
    static List<String> of(AcdConfigStore config, String skill) {
        return config.agents().stream().filter(agent -> agent.skills().containsKey(skill))
                .map(agent -> "agent '" + agent.login() + "'").toList();
    }
}
