package org.switchboard.core.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;

/**
 * Finds the offers a command made possible. Between commands no free agent can take any waiting contact, so
 * only what changed is looked at: <em>fresh</em> contacts (new, requeued, moved, widened) against the agents
 * free on their line, and <em>freed</em> agents against the head of each queue's line, in rank order.
 */
final class Matcher {

    /** What the engine does once a match is found, and its clock. */
    interface Offers {

        /** Reserves an agent's slot for a contact; false when another writer reserved the agent first. */
        boolean reserve(AgentSession agent, WaitingContact contact);

        /** Takes a contact out of line and offers it to the agent reserved for it. */
        void assign(WaitingContact contact, QueueState queue, AgentSession agent);

        /** Offers the contact to every able agent that can still be reserved (ring-all); false when none could. */
        boolean ringAll(WaitingContact contact, QueueState queue, List<AgentSession> able);

        Instant now();
    }

    private final Map<String, QueueState> queues;
    private final Map<String, AgentSession> agents;
    private final NavigableSet<WaitingContact> waiting;
    private final Map<String, WaitingContact> waitingById;
    private final AgentChooser chooser;
    private final Offers offers;
    private final AvailableAgents available = new AvailableAgents();
    private final TreeSet<WaitingContact> fresh = new TreeSet<>(WaitingContact.BY_RANK);
    private final Set<AgentSession> freed = new LinkedHashSet<>();
    /** Widening steps: every dispatch takes those due, whether or not the engine's time-outs have run yet. */
    private final Deadlines widenings = new Deadlines();

    Matcher(Map<String, QueueState> queues, Map<String, AgentSession> agents, NavigableSet<WaitingContact> waiting,
            Map<String, WaitingContact> waitingById, AgentChooser chooser, Offers offers) {
        this.queues = queues;
        this.agents = agents;
        this.waiting = waiting;
        this.waitingById = waitingById;
        this.chooser = chooser;
        this.offers = offers;
    }

    /** A contact entered the line, or changed: the next dispatch tries it. */
    void fresh(WaitingContact contact) {
        fresh.add(contact);
    }

    /** A contact's queue widens for it at this moment: it is tried again then. */
    void widensAt(Instant at, WaitingContact contact) {
        widenings.add(at, Deadlines.Kind.WIDENING, contact);
    }

    /** The next moment a waiting contact widens, if any. */
    Instant nextWidening() {
        Deadlines.Deadline next = widenings.next(stillWaiting());
        return next == null ? null : next.at();
    }

    /**
     * Files an agent whose presence, work or profile changed where it is free now; one that is free may take a
     * contact (new skills or groups may fit contacts already waiting, whatever its slots).
     */
    void touched(AgentSession agent) {
        if (available.refresh(agent)) {
            freed.add(agent);
        }
    }

    void signedOut(AgentSession agent) {
        available.remove(agent);
        freed.remove(agent);
    }

    private Predicate<Deadlines.Deadline> stillWaiting() {
        return deadline -> waitingById.get(((WaitingContact) deadline.subject()).id()) == deadline.subject();
    }

    /**
     * Offers what the last command made possible, in rank order. While a freed agent can take something, the
     * best-ranked contact any freed agent can take goes first (to the freed agents, or, if it is fresh itself,
     * to every agent free on its line); then the remaining fresh contacts, each to the agents free on its line.
     */
    void dispatch() {
        for (Deadlines.Deadline widened : widenings.due(offers.now())) {
            WaitingContact contact = (WaitingContact) widened.subject();
            if (waitingById.get(contact.id()) == contact) {
                fresh.add(contact);
            }
        }
        if (waiting.isEmpty()) {
            fresh.clear();
            freed.clear();
            return;
        }
        List<AgentSession> stillFree = new ArrayList<>(freed);
        freed.clear();
        while (true) {
            stillFree.removeIf(agent -> agents.get(agent.login()) != agent || !agent.isAvailable());
            WaitingContact best = null;
            for (AgentSession agent : stillFree) {
                WaitingContact first = firstTakeable(agent, best);
                if (first != null) {
                    best = first;
                }
            }
            if (best == null) {
                break;
            }
            boolean wasFresh = fresh.remove(best);
            if (!(wasFresh ? offerFresh(best) : tryOffer(best, stillFree, false))) {
                // Every freed agent able to take it was reserved by another writer meanwhile.
                WaitingContact refused = best;
                stillFree.removeIf(agent -> agent.canTake(refused, definition(refused), reach(refused)));
            }
        }
        for (WaitingContact contact : new ArrayList<>(fresh)) {
            if (waitingById.get(contact.id()) == contact && !settledLikeIt(contact)) {
                offerFresh(contact);
            }
            fresh.remove(contact);
        }
    }

    /**
     * Whether a contact of the same kind, in the same queue, that has waited at least as long and was already
     * looked at, still waits: then no free agent can take this one either (between commands no free agent can
     * take any waiting contact, and the longer wait has widened at least as far), and it need not be tried.
     */
    private boolean settledLikeIt(WaitingContact contact) {
        for (WaitingContact other : queues.get(contact.interaction().queue()).ofKind(contact.kind())) {
            if (WaitingContact.BY_ENTRY.compare(other, contact) > 0) {
                return false;
            }
            if (other != contact && !fresh.contains(other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The best-ranked waiting contact this agent can take that ranks before {@code better} (null: any), found
     * from the head of each queue's line, so a long line of contacts it cannot take in other queues costs nothing.
     */
    private WaitingContact firstTakeable(AgentSession agent, WaitingContact better) {
        WaitingContact best = better;
        Map<WaitingContact.Kind, Instant> refusedSince = new HashMap<>();
        for (QueueState queue : queues.values()) {
            refusedSince.clear();
            for (WaitingContact contact : queue.line()) {
                if (best != null && WaitingContact.BY_RANK.compare(contact, best) >= 0) {
                    break;
                }
                // One of its kind that waited as long or longer was refused: this one would be too.
                Instant refused = refusedSince.get(contact.kind());
                if (refused != null && !contact.enqueuedAt().isBefore(refused)) {
                    continue;
                }
                if (agent.canTake(contact, queue.definition(), reach(contact))) {
                    best = contact;
                    break;
                }
                refusedSince.merge(contact.kind(), contact.enqueuedAt(), (a, b) -> a.isBefore(b) ? a : b);
                // Without widening, a kind refused once is refused whatever the wait: stop when all kinds are.
                if (queue.definition().widening().isEmpty() && refusedSince.size() == queue.kinds()) {
                    break;
                }
            }
        }
        return best == better ? null : best;
    }

    /**
     * Offers a contact to the agents free on its line with its skills. Strategies that want the first able
     * agent in an order the index keeps (longest idle, linear, round-robin) stop at it; the others compare all.
     */
    private boolean offerFresh(WaitingContact contact) {
        AvailableAgents.Agents candidates = available.candidates(contact.interaction().channel(),
                contact.interaction().requirements());
        QueueState queue = queues.get(contact.interaction().queue());
        Iterable<AgentSession> inOrder = switch (queue.definition().strategy()) {
            case LONGEST_IDLE -> candidates.byIdle();
            case LINEAR -> candidates.byLogin().values();
            case ROUND_ROBIN -> queue.lastChosen() == null ? candidates.byLogin().values()
                    : () -> Stream.concat(candidates.byLogin().tailMap(queue.lastChosen(), false).values().stream(),
                            candidates.byLogin().headMap(queue.lastChosen(), true).values().stream()).iterator();
            default -> null;
        };
        if (inOrder == null) {
            Comparator<AgentSession> preference = AgentChooser.preference(queue.definition().strategy(), contact);
            if (preference == null) {
                return tryOffer(contact, candidates.byLogin().values(), true);
            }
            AgentSession best = preferredFree(contact, queue, candidates.byLogin().values(), preference);
            if (best == null) {
                return false;
            }
            if (offers.reserve(best, contact)) {
                offers.assign(contact, queue, best);
                return true;
            }
            // Reserved by another writer meanwhile: compare the others.
            return tryOffer(contact, candidates.byLogin().values(), true);
        }
        Reach reach = reach(contact);
        for (AgentSession agent : inOrder) {
            if (agent.canTakeWhenFree(contact, queue.definition(), reach) && offers.reserve(agent, contact)) {
                offers.assign(contact, queue, agent);
                return true;
            }
        }
        return false;
    }

    /** The free candidate the strategy prefers, testing an agent only when it would beat the best so far. */
    private AgentSession preferredFree(WaitingContact contact, QueueState queue, Collection<AgentSession> candidates,
            Comparator<AgentSession> preference) {
        Reach reach = reach(contact);
        AgentSession best = null;
        for (AgentSession agent : candidates) {
            if ((best == null || preference.compare(agent, best) < 0)
                    && agent.canTakeWhenFree(contact, queue.definition(), reach)) {
                best = agent;
            }
        }
        return best;
    }

    QueueDefinition definition(WaitingContact contact) {
        return queues.get(contact.interaction().queue()).definition();
    }

    Reach reach(WaitingContact contact) {
        return Reach.of(definition(contact), contact, offers.now());
    }

    /**
     * Offers a waiting contact to the candidate its queue's strategy prefers among those able to take it (to
     * all of them in a ring-all queue); false when none could be reserved. {@code knownFree}: the candidates come
     * from the index of free agents, so their load need not be checked again.
     */
    private boolean tryOffer(WaitingContact contact, Collection<AgentSession> candidates, boolean knownFree) {
        QueueState queue = queues.get(contact.interaction().queue());
        Reach reach = reach(contact);
        List<AgentSession> able = new ArrayList<>();
        for (AgentSession agent : candidates) {
            if (knownFree ? agent.canTakeWhenFree(contact, queue.definition(), reach)
                    : agent.canTake(contact, queue.definition(), reach)) {
                able.add(agent);
            }
        }
        if (queue.definition().strategy() == RoutingStrategy.RING_ALL) {
            return offers.ringAll(contact, queue, able);
        }
        while (!able.isEmpty()) {
            AgentSession chosen = chooser.choose(able, queue, contact);
            if (offers.reserve(chosen, contact)) {
                offers.assign(contact, queue, chosen);
                return true;
            }
            // Another writer reserved this agent first: the next best may still be free.
            able.remove(chosen);
        }
        return false;
    }
}
