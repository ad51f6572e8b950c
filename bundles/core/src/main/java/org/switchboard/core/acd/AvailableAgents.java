package org.switchboard.core.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.SkillRequirement;

/**
 * The agents who could be offered something now, per line (voice, chat, e-mail, SMS) and per skill on each
 * line: ready, without an open offer, with a free slot there. Kept up to date by {@link #refresh} whenever
 * an agent's presence, work or profile changes, so that routing never scans every signed-in agent. Each set is
 * kept in login order and in idle order, so that strategies that want the first such agent stop at it.
 */
final class AvailableAgents {

    private static final Channel[] LINES = {Channel.VOICE, Channel.CHAT, Channel.EMAIL, Channel.SMS};

    /** An agent as filed, with the idle time it was filed under (the agent's own may change before it is taken out). */
    private record Filed(Instant idleSince, String login, AgentSession agent) {
        static final Comparator<Filed> LONGEST_IDLE =
                Comparator.comparing(Filed::idleSince).thenComparing(Filed::login);
    }

    /** One set of agents in both orders. */
    static final class Agents {
        private final TreeMap<String, AgentSession> byLogin = new TreeMap<>();
        private final TreeSet<Filed> byIdle = new TreeSet<>(Filed.LONGEST_IDLE);

        private void add(Filed agent) {
            byLogin.put(agent.login(), agent.agent());
            byIdle.add(agent);
        }

        private void remove(Filed agent) {
            byLogin.remove(agent.login());
            byIdle.remove(agent);
        }

        int size() {
            return byLogin.size();
        }

        /** Login order (linear and round-robin routing). */
        NavigableMap<String, AgentSession> byLogin() {
            return byLogin;
        }

        /** Longest idle first. */
        Iterable<AgentSession> byIdle() {
            return () -> byIdle.stream().map(Filed::agent).iterator();
        }
    }

    private static final Agents NONE = new Agents();

    private final Map<Channel, Agents> byLine = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<String, Agents>> bySkill = new EnumMap<>(Channel.class);
    /** Where each agent is filed and under which key, to take it out again whatever has changed since. */
    private final Map<String, Filing> filed = new HashMap<>();

    /** The sets an agent is in. */
    private record Filing(Filed key, List<Agents> sets) {
    }

    AvailableAgents() {
        for (Channel line : LINES) {
            byLine.put(line, new Agents());
            bySkill.put(line, new HashMap<>());
        }
    }

    /** Files the agent where it is available now; true when it is available on some line. */
    boolean refresh(AgentSession agent) {
        remove(agent);
        List<Agents> sets = new ArrayList<>();
        for (Channel line : LINES) {
            if (agent.isAvailableOn(line)) {
                sets.add(byLine.get(line));
                for (String skill : agent.profile().skills().keySet()) {
                    sets.add(bySkill.get(line).computeIfAbsent(skill, any -> new Agents()));
                }
            }
        }
        if (sets.isEmpty()) {
            return false;
        }
        Filed key = new Filed(agent.idleSince(), agent.login(), agent);
        sets.forEach(set -> set.add(key));
        filed.put(agent.login(), new Filing(key, sets));
        return true;
    }

    void remove(AgentSession agent) {
        Filing filing = filed.remove(agent.login());
        if (filing != null) {
            filing.sets().forEach(set -> set.remove(filing.key()));
        }
    }

    /**
     * The agents free on this channel's line who have every skill required (at some level): the smallest of
     * the per-skill sets, or the whole line when nothing is required.
     */
    Agents candidates(Channel channel, List<SkillRequirement> requirements) {
        Agents smallest = byLine.get(channel.line());
        for (SkillRequirement requirement : requirements) {
            Agents withSkill = bySkill.get(channel.line()).get(requirement.skill());
            if (withSkill == null) {
                return NONE;
            }
            if (withSkill.size() < smallest.size()) {
                smallest = withSkill;
            }
        }
        return smallest;
    }
}
