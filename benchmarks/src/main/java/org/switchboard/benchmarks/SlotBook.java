package org.switchboard.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;

/**
 * The driver's own count of each agent's contacts in hand per channel, so it knows how many agents have a free
 * slot (what the engine scans for) without asking the engine, whose views would cost time of their own.
 */
final class SlotBook {

    private final Map<String, AgentProfile> profiles = new HashMap<>();
    private final Map<String, int[]> inHand = new HashMap<>();
    private int freeAgents;
    private long busySlots;

    SlotBook(List<AgentProfile> agents) {
        for (AgentProfile agent : agents) {
            profiles.put(agent.login(), agent);
            int[] held = new int[Channel.values().length];
            inHand.put(agent.login(), held);
            if (hasFreeSlot(agent, held)) {
                freeAgents++;
            }
        }
    }

    void take(String login, Channel channel) {
        change(login, channel, 1);
    }

    void release(String login, Channel channel) {
        change(login, channel, -1);
    }

    /** Agents with a free slot on some channel (none has an open offer between commands: the driver accepts at once). */
    int freeAgents() {
        return freeAgents;
    }

    long busySlots() {
        return busySlots;
    }

    private void change(String login, Channel channel, int delta) {
        AgentProfile agent = profiles.get(login);
        int[] held = inHand.get(login);
        boolean freeBefore = hasFreeSlot(agent, held);
        held[channel.ordinal()] += delta;
        if (held[channel.ordinal()] < 0 || held[channel.ordinal()] > agent.capacity(channel)) {
            throw new IllegalStateException(login + " holds " + held[channel.ordinal()] + " " + channel
                    + " contacts with capacity " + agent.capacity(channel));
        }
        busySlots += delta;
        boolean freeAfter = hasFreeSlot(agent, held);
        freeAgents += (freeAfter ? 1 : 0) - (freeBefore ? 1 : 0);
    }

    private static boolean hasFreeSlot(AgentProfile agent, int[] held) {
        for (Map.Entry<Channel, Integer> slots : agent.capacity().entrySet()) {
            if (held[slots.getKey().ordinal()] < slots.getValue()) {
                return true;
            }
        }
        return false;
    }
}
