package org.switchboard.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueView;

/**
 * Distributes waiting contacts to agents. It is a single writer: every command runs on the caller's thread
 * and the caller runs them one at a time (an executor per node, or per queue partition in a cluster).
 * After each command the engine offers what it can: contacts in rank order across all queues, so an agent
 * serving several queues gets the contact that has waited longest (after priority), each to one agent
 * chosen by the queue's strategy. Time-outs run in {@link #advance()}, at {@link #nextDeadline()}.
 */
public final class AcdEngine {

    private static final String MISSED = "missed";
    private static final String DECLINED = "declined";
    private static final String LOGIN = "login";

    private final Clock clock;
    private final Consumer<AcdEvent> events;
    private final AgentChooser chooser;
    private final Map<String, QueueState> queues = new HashMap<>();
    private final Map<String, AgentSession> agents = new TreeMap<>();
    private final TreeSet<WaitingContact> waiting = new TreeSet<>(WaitingContact.BY_RANK);
    private final Map<String, WaitingContact> waitingById = new HashMap<>();
    private final Map<String, AgentSession> holders = new HashMap<>();
    private long sequence;

    public AcdEngine(Clock clock, Consumer<AcdEvent> events, Random random) {
        this.clock = clock;
        this.events = events;
        this.chooser = new AgentChooser(random);
    }

    /** Adds a queue or changes its rules; contacts already waiting keep their places. */
    public void defineQueue(QueueDefinition definition) {
        queues.computeIfAbsent(definition.name(), name -> new QueueState(definition)).definition(definition);
        dispatch();
    }

    public void login(AgentProfile profile) {
        AgentSession existing = agents.get(profile.login());
        if (existing != null) {
            throw new AcdConflictException("Agent '" + profile.login() + "' is already logged in",
                    existing.visibleState());
        }
        AgentSession agent = new AgentSession(profile, now());
        agents.put(profile.login(), agent);
        emit(new AcdEvent.AgentStateChanged(now(), profile.login(), AgentState.LOGGED_OUT, AgentState.NOT_READY, LOGIN));
    }

    /** Logs an agent out; an open offer goes back to its queue. Refused while a conversation or wrap-up is open. */
    public void logout(String login) {
        AgentSession agent = session(login);
        if (agent.work().values().stream().anyMatch(item -> item.phase != Work.Phase.OFFERED)) {
            throw new AcdConflictException("Agent '" + login + "' has interactions in hand", agent.visibleState());
        }
        AgentState before = agent.visibleState();
        for (Work offer : new ArrayList<>(agent.work().values())) {
            withdraw(agent, offer);
        }
        agents.remove(login);
        emit(new AcdEvent.AgentStateChanged(now(), login, before, AgentState.LOGGED_OUT, null));
        dispatch();
    }

    public void ready(String login) {
        AgentSession agent = session(login);
        changePresence(agent, AgentState.READY, null);
        dispatch();
    }

    public void notReady(String login, String reason) {
        changePresence(session(login), AgentState.NOT_READY, reason);
    }

    /** Puts a contact in its queue; answers false (with a Refused event) if the queue is unknown or full. */
    public boolean submit(Interaction interaction) {
        if (waitingById.containsKey(interaction.id()) || holders.containsKey(interaction.id())) {
            throw new IllegalArgumentException("Interaction '" + interaction.id() + "' is already being distributed");
        }
        QueueState queue = queues.get(interaction.queue());
        String refusal = queue == null ? "unknown queue '" + interaction.queue() + "'"
                : queue.waiting() >= queue.definition().maxLength() ? "queue '" + interaction.queue() + "' is full"
                : null;
        if (refusal != null) {
            emit(new AcdEvent.Refused(now(), interaction, refusal));
            return false;
        }
        long weight = queue.definition().priorityWeight().toMillis();
        enqueue(WaitingContact.enter(interaction, sequence++, now(), weight), false);
        dispatch();
        return true;
    }

    public void accept(String interactionId, String login) {
        AgentSession agent = session(login);
        Work offer = offered(interactionId, agent);
        AgentState before = agent.visibleState();
        offer.enter(Work.Phase.TALKING, now(), null);
        emit(new AcdEvent.Accepted(now(), interactionId, login));
        stateChanged(agent, before, null);
        dispatch();
    }

    /** The agent declines an offer: the contact goes back to its place and the agent becomes not ready. */
    public void decline(String interactionId, String login) {
        AgentSession agent = session(login);
        decline(agent, offered(interactionId, agent), false);
        dispatch();
    }

    /** The conversation ended (either side hung up or closed): the agent wraps up for the queue's time. */
    public void end(String interactionId) {
        Work item = inHand(interactionId, Work.Phase.TALKING);
        AgentSession agent = holders.get(interactionId);
        AgentState before = agent.visibleState();
        agent.countHandled(Duration.between(item.since, now()));
        Duration wrapUp = queues.get(item.interaction.queue()).definition().wrapUp();
        item.enter(Work.Phase.WRAP_UP, now(), now().plus(wrapUp));
        emit(new AcdEvent.Ended(now(), interactionId, agent.login()));
        stateChanged(agent, before, null);
        if (wrapUp.isZero()) {
            complete(interactionId, null, null);
        }
    }

    /** Gives an agent more time to wrap up one interaction. */
    public void extendWrapUp(String interactionId, Duration more) {
        Work item = inHand(interactionId, Work.Phase.WRAP_UP);
        item.deadline = item.deadline.plus(more);
    }

    /** Wrap-up done, with a disposition code and a note; the agent's slot is free again. */
    public void complete(String interactionId, String disposition, String note) {
        AgentSession agent = holders.get(interactionId);
        Work item = agent == null ? null : agent.work().get(interactionId);
        if (item == null || item.phase == Work.Phase.OFFERED) {
            throw new AcdConflictException("Interaction '" + interactionId + "' is not in conversation or wrap-up",
                    agent == null ? null : agent.visibleState());
        }
        AgentState before = agent.visibleState();
        if (item.phase == Work.Phase.TALKING) {
            agent.countHandled(Duration.between(item.since, now()));
        }
        release(agent, item);
        emit(new AcdEvent.Completed(now(), interactionId, agent.login(), disposition, note));
        stateChanged(agent, before, null);
        dispatch();
    }

    /** The customer left before being served: the contact leaves its queue (or an open offer is withdrawn). */
    public void abandon(String interactionId) {
        WaitingContact contact = waitingById.get(interactionId);
        if (contact != null) {
            dequeue(contact);
        } else {
            AgentSession agent = holders.get(interactionId);
            Work item = agent == null ? null : agent.work().get(interactionId);
            if (item == null || item.phase != Work.Phase.OFFERED) {
                throw new AcdConflictException("Interaction '" + interactionId + "' is not waiting", null);
            }
            AgentState before = agent.visibleState();
            release(agent, item);
            stateChanged(agent, before, null);
        }
        emit(new AcdEvent.Abandoned(now(), interactionId, queueOf(interactionId, contact)));
        dispatch();
    }

    /** Moves a waiting contact to a queue and priority; it keeps its entry time and arrival order. */
    public void move(String interactionId, String queueName, int priority) {
        WaitingContact contact = waitingContact(interactionId);
        QueueState target = queues.get(queueName);
        if (target == null) {
            throw new AcdConflictException("No queue '" + queueName + "'", null);
        }
        Interaction before = contact.interaction();
        Interaction moved = new Interaction(before.id(), before.channel(), queueName, priority, before.requirements(),
                before.entryPoint(), before.customer(), before.attributes(), before.createdAt());
        dequeue(contact);
        WaitingContact replaced = new WaitingContact(moved, contact.sequence(), contact.enqueuedAt(),
                contact.enqueuedAt().toEpochMilli() - priority * target.definition().priorityWeight().toMillis());
        waiting.add(replaced);
        waitingById.put(interactionId, replaced);
        target.waitingChanged(1);
        emit(new AcdEvent.Moved(now(), moved, before.queue()));
        dispatch();
    }

    /** Removes a waiting contact from distribution. */
    public void drop(String interactionId) {
        WaitingContact contact = waitingContact(interactionId);
        dequeue(contact);
        emit(new AcdEvent.Dropped(now(), interactionId, contact.interaction().queue()));
    }

    /** Offers a waiting contact to an agent now: ready, without an open offer, with a free slot on its channel. */
    public void pull(String interactionId, String login) {
        WaitingContact contact = waitingContact(interactionId);
        AgentSession agent = session(login);
        Channel channel = contact.interaction().channel();
        if (agent.presence() != AgentState.READY || agent.hasOffer()
                || agent.inHand(channel) >= agent.profile().capacity(channel)) {
            throw new AcdConflictException("Agent '" + login + "' cannot take '" + interactionId + "' now",
                    agent.visibleState());
        }
        QueueState queue = queues.get(contact.interaction().queue());
        dequeue(contact);
        queue.chose(login);
        offer(contact, agent, queue.definition());
    }

    /** Applies a changed profile (skills, groups, capacity) to a signed-in agent. */
    public void updateAgent(AgentProfile profile) {
        AgentSession agent = agents.get(profile.login());
        if (agent != null) {
            agent.profile(profile);
            dispatch();
        }
    }

    /** Runs every time-out due by now: unanswered offers go back in line, expired wrap-ups complete. */
    public void advance() {
        Instant now = now();
        List<Work> due = new ArrayList<>();
        for (AgentSession agent : agents.values()) {
            for (Work item : agent.work().values()) {
                if (item.deadline != null && !item.deadline.isAfter(now)) {
                    due.add(item);
                }
            }
        }
        for (Work item : due) {
            AgentSession agent = holders.get(item.interaction.id());
            if (item.phase == Work.Phase.OFFERED) {
                decline(agent, item, true);
            } else {
                complete(item.interaction.id(), null, null);
            }
        }
        dispatch();
    }

    /** The earliest time-out or widening step pending, if any: when {@link #advance()} has work to do. */
    public Optional<Instant> nextDeadline() {
        Instant now = now();
        Optional<Instant> timeout = agents.values().stream().flatMap(agent -> agent.work().values().stream())
                .map(item -> item.deadline).filter(deadline -> deadline != null).min(Instant::compareTo);
        Optional<Instant> widening = waiting.stream().flatMap(contact -> queues.get(contact.interaction().queue())
                        .definition().widening().stream().map(step -> contact.enqueuedAt().plus(step.after())))
                .filter(at -> at.isAfter(now)).min(Instant::compareTo);
        return Stream.of(timeout, widening).flatMap(Optional::stream).min(Instant::compareTo);
    }

    public AgentState state(String login) {
        AgentSession agent = agents.get(login);
        return agent == null ? AgentState.LOGGED_OUT : agent.visibleState();
    }

    /** The ids of a queue's waiting contacts, first in line first. */
    public List<String> waiting(String queue) {
        return waiting.stream().filter(contact -> contact.interaction().queue().equals(queue))
                .map(WaitingContact::id).toList();
    }

    public List<AgentView> agents() {
        return agents.values().stream().map(AgentSession::view).toList();
    }

    public Optional<AgentView> agent(String login) {
        return Optional.ofNullable(agents.get(login)).map(AgentSession::view);
    }

    public List<QueueView> queues() {
        return queues.values().stream().map(queue -> new QueueView(queue.definition(), waiting(queue.definition().name())))
                .sorted(java.util.Comparator.comparing(view -> view.definition().name())).toList();
    }

    public Optional<QueueView> queue(String name) {
        return Optional.ofNullable(queues.get(name)).map(queue -> new QueueView(queue.definition(), waiting(name)));
    }

    /** When the longest-waiting contact of a queue entered it (a requeued contact keeps its entry), or null. */
    public Instant longestWaitingSince(String queue) {
        Instant oldest = null;
        for (WaitingContact contact : waiting) {
            if (contact.interaction().queue().equals(queue)
                    && (oldest == null || contact.enqueuedAt().isBefore(oldest))) {
                oldest = contact.enqueuedAt();
            }
        }
        return oldest;
    }

    /** Which agent holds an interaction (offered, talking or wrapping up), if any. */
    public Optional<String> holder(String interactionId) {
        return Optional.ofNullable(holders.get(interactionId)).map(AgentSession::login);
    }

    /** Snapshot of every agent's interactions and their phases, for checks and views. */
    public Map<String, Map<String, String>> workByAgent() {
        Map<String, Map<String, String>> view = new TreeMap<>();
        agents.forEach((login, agent) -> {
            Map<String, String> items = new TreeMap<>();
            agent.work().forEach((id, item) -> items.put(id, item.phase.name()));
            view.put(login, items);
        });
        return view;
    }

    private void dispatch() {
        if (waiting.isEmpty()) {
            return;
        }
        List<AgentSession> free = new ArrayList<>();
        for (AgentSession agent : agents.values()) {
            // Agents busy to capacity are left out, so a long line costs nothing while everyone is busy.
            if (agent.isAvailable()) {
                free.add(agent);
            }
        }
        Iterator<WaitingContact> line = waiting.iterator();
        while (!free.isEmpty() && line.hasNext()) {
            WaitingContact contact = line.next();
            QueueState queue = queues.get(contact.interaction().queue());
            List<AgentSession> able = new ArrayList<>();
            for (AgentSession agent : free) {
                if (agent.canTake(contact, queue.definition(), now())) {
                    able.add(agent);
                }
            }
            if (able.isEmpty()) {
                continue;
            }
            AgentSession chosen = chooser.choose(able, queue, contact);
            line.remove();
            waitingById.remove(contact.id());
            queue.waitingChanged(-1);
            queue.chose(chosen.login());
            free.remove(chosen);
            offer(contact, chosen, queue.definition());
        }
    }

    private void offer(WaitingContact contact, AgentSession agent, QueueDefinition queue) {
        AgentState before = agent.visibleState();
        agent.work().put(contact.id(), new Work(contact, now(), now().plus(queue.offerTimeout())));
        holders.put(contact.id(), agent);
        emit(new AcdEvent.Offered(now(), contact.id(), queue.name(), agent.login()));
        stateChanged(agent, before, null);
    }

    private void decline(AgentSession agent, Work offer, boolean timedOut) {
        AgentState before = agent.visibleState();
        withdraw(agent, offer);
        agent.presence(AgentState.NOT_READY, timedOut ? MISSED : DECLINED);
        emit(new AcdEvent.Declined(now(), offer.interaction.id(), agent.login(), timedOut));
        stateChanged(agent, before, agent.reason());
    }

    /** Takes an open offer back from an agent and returns the contact to its original place. */
    private void withdraw(AgentSession agent, Work offer) {
        release(agent, offer);
        enqueue(offer.contact, true);
    }

    private void release(AgentSession agent, Work item) {
        agent.work().remove(item.interaction.id());
        holders.remove(item.interaction.id());
        if (agent.work().isEmpty()) {
            agent.idleSince(now());
        }
    }

    private void enqueue(WaitingContact contact, boolean requeued) {
        waiting.add(contact);
        waitingById.put(contact.id(), contact);
        queues.get(contact.interaction().queue()).waitingChanged(1);
        emit(new AcdEvent.Queued(now(), contact.interaction(), requeued));
    }

    private void dequeue(WaitingContact contact) {
        waiting.remove(contact);
        waitingById.remove(contact.id());
        queues.get(contact.interaction().queue()).waitingChanged(-1);
    }

    private void changePresence(AgentSession agent, AgentState presence, String reason) {
        AgentState before = agent.visibleState();
        String reasonBefore = agent.reason();
        agent.presence(presence, reason);
        if (presence == AgentState.READY && agent.work().isEmpty()) {
            agent.idleSince(now());
        }
        if (before == AgentState.NOT_READY && agent.visibleState() == AgentState.NOT_READY
                && !Objects.equals(reasonBefore, agent.reason())) {
            // From one not-ready reason to another: a change of its own in the state log and reports.
            agent.stateSince(now());
            emit(new AcdEvent.AgentStateChanged(now(), agent.login(), before, before, agent.reason()));
        } else {
            stateChanged(agent, before, agent.reason());
        }
    }

    private void stateChanged(AgentSession agent, AgentState before, String reason) {
        AgentState after = agent.visibleState();
        if (after != before) {
            agent.stateSince(now());
            emit(new AcdEvent.AgentStateChanged(now(), agent.login(), before, after,
                    after == AgentState.NOT_READY ? agent.reason() : reason));
        }
    }

    private WaitingContact waitingContact(String interactionId) {
        WaitingContact contact = waitingById.get(interactionId);
        if (contact == null) {
            throw new AcdConflictException("Interaction '" + interactionId + "' is not waiting in a queue", null);
        }
        return contact;
    }

    private Work offered(String interactionId, AgentSession agent) {
        Work item = agent.work().get(interactionId);
        if (item == null || item.phase != Work.Phase.OFFERED) {
            throw new AcdConflictException("Interaction '" + interactionId + "' is not offered to agent '"
                    + agent.login() + "'", agent.visibleState());
        }
        return item;
    }

    private Work inHand(String interactionId, Work.Phase phase) {
        AgentSession agent = holders.get(interactionId);
        Work item = agent == null ? null : agent.work().get(interactionId);
        if (item == null || item.phase != phase) {
            throw new AcdConflictException("Interaction '" + interactionId + "' is not in "
                    + phase.name().toLowerCase().replace('_', '-'), agent == null ? null : agent.visibleState());
        }
        return item;
    }

    private AgentSession session(String login) {
        AgentSession agent = agents.get(login);
        if (agent == null) {
            throw new AcdConflictException("Agent '" + login + "' is not logged in", AgentState.LOGGED_OUT);
        }
        return agent;
    }

    private String queueOf(String interactionId, WaitingContact contact) {
        return contact != null ? contact.interaction().queue() : null;
    }

    private Instant now() {
        return clock.instant();
    }

    private void emit(AcdEvent event) {
        events.accept(event);
    }
}
