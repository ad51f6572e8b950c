package org.switchboard.core.acd;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.switchboard.api.acd.RoutingStrategy;

/** Picks one agent from those able to take a contact, as the queue's strategy says. */
final class AgentChooser {

    private static final Comparator<AgentSession> BY_LOGIN = Comparator.comparing(AgentSession::login);
    private static final Comparator<AgentSession> LONGEST_IDLE =
            Comparator.comparing((AgentSession agent) -> agent.idleSince()).thenComparing(BY_LOGIN);
    private static final Comparator<AgentSession> LEAST_OCCUPIED = Comparator.comparingInt(AgentSession::handled)
            .thenComparing(AgentSession::talkTime).thenComparing(LONGEST_IDLE);

    private final Random random;

    AgentChooser(Random random) {
        this.random = random;
    }

    /**
     * The strategy's preference as an order (first is chosen), for strategies that have one that does not
     * depend on the other candidates: least occupied and best skill; null for the others.
     */
    static Comparator<AgentSession> preference(RoutingStrategy strategy, WaitingContact contact) {
        return switch (strategy) {
            case LEAST_OCCUPIED -> LEAST_OCCUPIED;
            case BEST_SKILL -> bestSkill(contact);
            default -> null;
        };
    }

    private static Comparator<AgentSession> bestSkill(WaitingContact contact) {
        return Comparator.comparingInt((AgentSession agent) -> -agent.skillScore(contact)).thenComparing(LONGEST_IDLE);
    }

    /** {@code able} is not empty; {@code queue} remembers the last agent for round-robin. */
    AgentSession choose(List<AgentSession> able, QueueState queue, WaitingContact contact) {
        RoutingStrategy strategy = queue.definition().strategy();
        return switch (strategy) {
            case LONGEST_IDLE -> min(able, LONGEST_IDLE);
            case LEAST_OCCUPIED -> min(able, LEAST_OCCUPIED);
            case BEST_SKILL -> min(able, bestSkill(contact));
            case LINEAR -> min(able, BY_LOGIN);
            case RANDOM -> able.get(random.nextInt(able.size()));
            case ROUND_ROBIN -> nextAfter(able, queue.lastChosen());
            case RING_ALL -> throw new IllegalArgumentException("Ring-all offers to every able agent; none is chosen");
        };
    }

    private static AgentSession min(List<AgentSession> able, Comparator<AgentSession> order) {
        return able.stream().min(order).orElseThrow();
    }

    private static AgentSession nextAfter(List<AgentSession> able, String last) {
        AgentSession first = null;
        AgentSession after = null;
        for (AgentSession agent : able) {
            if (first == null || BY_LOGIN.compare(agent, first) < 0) {
                first = agent;
            }
            if (last != null && agent.login().compareTo(last) > 0
                    && (after == null || BY_LOGIN.compare(agent, after) < 0)) {
                after = agent;
            }
        }
        return after != null ? after : first;
    }
}
