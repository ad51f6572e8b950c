package org.switchboard.benchmarks;

import java.util.List;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.SkillRequirement;

/**
 * A queue of the generated centre: its rules, the channel and skills its contacts need, how many agents
 * could take them, and its arrival rate when the whole centre runs at a nominal load of 1.
 */
record QueueProfile(QueueDefinition definition, Channel channel, List<SkillRequirement> requirements,
        int eligibleAgents, double arrivalsPerSecondAtFullLoad) {

    String name() {
        return definition.name();
    }
}
