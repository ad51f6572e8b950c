package org.switchboard.benchmarks;

import java.util.List;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;

/** A generated contact centre: agents with skills and capacities, and the queues they serve. */
record Population(List<AgentProfile> agents, List<QueueProfile> queues, int skills) {

    Population {
        agents = List.copyOf(agents);
        queues = List.copyOf(queues);
    }

    /** Slots of a channel over all agents (an agent with chat capacity 3 counts 3). */
    long slots(Channel channel) {
        return agents.stream().mapToLong(agent -> agent.capacity(channel)).sum();
    }

    long slots() {
        return agents.stream().flatMap(agent -> agent.capacity().values().stream()).mapToLong(Integer::longValue).sum();
    }

    /** Contacts per second arriving in all queues together at the given nominal load. */
    double arrivalsPerSecond(double load) {
        return load * queues.stream().mapToDouble(QueueProfile::arrivalsPerSecondAtFullLoad).sum();
    }
}
