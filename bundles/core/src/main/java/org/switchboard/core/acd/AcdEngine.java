package org.switchboard.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueView;
import org.switchboard.api.acd.WaitEstimate;
import org.switchboard.api.acd.WideningStep;
import org.switchboard.api.store.ContactStore;
import org.switchboard.api.store.QueuedContact;

/**
 * Distributes waiting contacts to agents. It is a single writer: every command runs on the caller's thread
 * and the caller runs them one at a time (an executor per node, or per queue partition in a cluster).
 * After each command the engine offers what it can: contacts in rank order across all queues, so an agent
 * serving several queues gets the contact that has waited longest (after priority), each to one agent
 * chosen by the queue's strategy. Time-outs run in {@link #advance()}, at {@link #nextDeadline()}.
 * Routing work is proportional to what changed: a new contact is matched against the agents free on its
 * line, a freed agent against the line, never every contact against every agent.
 * Every contact not yet accepted, and what each agent holds, is written through to a {@link ContactStore},
 * so that the next writer can {@link #restore} the line where this one left it.
 */
public final class AcdEngine {

    private static final String MISSED = "missed";
    private static final String DECLINED = "declined";
    private static final String LOGIN = "login";

    private final Clock clock;
    private final Consumer<AcdEvent> events;
    private final AgentChooser chooser;
    private final ContactStore store;
    private final Map<String, QueueState> queues = new HashMap<>();
    private final Map<String, AgentSession> agents = new TreeMap<>();
    private final TreeSet<WaitingContact> waiting = new TreeSet<>(WaitingContact.BY_RANK);
    private final Map<String, WaitingContact> waitingById = new HashMap<>();
    private final Map<String, AgentSession> holders = new HashMap<>();
    /** Contacts offered to several agents at once (ring-all) until one accepts, with the agents still ringing. */
    private final Map<String, Set<AgentSession>> ringing = new HashMap<>();
    private final Deadlines deadlines = new Deadlines();
    private final Matcher matcher;
    private long sequence;

    public AcdEngine(Clock clock, Consumer<AcdEvent> events, Random random, ContactStore store) {
        this.clock = clock;
        this.events = events;
        this.chooser = new AgentChooser(random);
        this.store = store;
        this.matcher = new Matcher(queues, agents, waiting, waitingById, chooser, new EngineOffers());
    }

    /** How the matcher's finds become offers. */
    private final class EngineOffers implements Matcher.Offers {

        @Override
        public boolean reserve(AgentSession agent, WaitingContact contact) {
            return AcdEngine.this.reserve(agent, contact);
        }

        @Override
        public void assign(WaitingContact contact, QueueState queue, AgentSession agent) {
            AcdEngine.this.assign(contact, queue, agent);
        }

        @Override
        public boolean ringAll(WaitingContact contact, QueueState queue, List<AgentSession> able) {
            return AcdEngine.this.ringAll(contact, queue, able);
        }

        @Override
        public Instant now() {
            return AcdEngine.this.now();
        }
    }

    /**
     * Puts contacts kept by the store (by an earlier writer) back at their places, silently: they were queued
     * before. Contacts of a queue that no longer exists are refused; those already known are skipped.
     */
    public void restore(List<QueuedContact> kept) {
        for (QueuedContact stored : kept) {
            if (inDistribution(stored.id())) {
                continue;
            }
            QueueState queue = queues.get(stored.interaction().queue());
            if (queue == null) {
                store.remove(stored.id());
                emit(new AcdEvent.Refused(now(), stored.interaction(),
                        "unknown queue '" + stored.interaction().queue() + "'"));
                continue;
            }
            WaitingContact contact = WaitingContact.restored(stored, queue.definition().priorityWeight().toMillis());
            line(contact);
            sequence = Math.max(sequence, stored.sequence() + 1);
        }
        matcher.dispatch();
    }

    /** Adds a queue or changes its rules; contacts already waiting keep their places. */
    public void defineQueue(QueueDefinition definition) {
        queues.computeIfAbsent(definition.name(), name -> new QueueState(definition)).definition(definition);
        // New rules: every contact of the queue is looked at again, with the moments its new rules set.
        for (WaitingContact contact : waiting) {
            if (contact.interaction().queue().equals(definition.name())) {
                matcher.fresh(contact);
                scheduleWaitingDeadlines(contact);
            }
        }
        matcher.dispatch();
    }

    /** Removes a queue that no contact waits in and no agent holds a contact of. */
    public void removeQueue(String name) {
        QueueState queue = queues.get(name);
        if (queue == null) {
            return;
        }
        boolean held = agents.values().stream().flatMap(agent -> agent.work().values().stream())
                .anyMatch(item -> item.interaction.queue().equals(name));
        if (queue.waiting() > 0 || held) {
            throw new AcdConflictException("Queue '" + name + "' still has contacts in distribution", null);
        }
        queues.remove(name);
    }

    public void login(AgentProfile profile) {
        login(profile, null);
    }

    /**
     * Signs an agent in at an extension (or none); again at the same one changes nothing, at another is refused,
     * as is an extension another agent is signed in at.
     */
    public void login(AgentProfile profile, String extension) {
        AgentSession existing = agents.get(profile.login());
        if (existing != null) {
            if (Objects.equals(existing.extension(), extension)) {
                return;
            }
            throw new AcdConflictException("Agent '" + profile.login() + "' is already signed in"
                    + (existing.extension() == null ? " without an extension" : " at extension " + existing.extension()),
                    existing.visibleState());
        }
        if (extension != null) {
            // One phone rings for one agent: a second agent at the same extension would answer the first's calls.
            for (AgentSession other : agents.values()) {
                if (extension.equals(other.extension())) {
                    throw new AcdConflictException("Extension " + extension + " is taken by agent '"
                            + other.profile().login() + "'", null);
                }
            }
        }
        AgentSession agent = new AgentSession(profile, extension, now());
        agents.put(profile.login(), agent);
        matcher.touched(agent);
        // Whatever an earlier writer had reserved for this agent did not survive with it.
        store.reserve(profile.login(), store.held(profile.login()), List.of());
        emit(new AcdEvent.AgentStateChanged(now(), profile.login(), AgentState.LOGGED_OUT, AgentState.NOT_READY, LOGIN,
                extension));
    }

    /** Logs an agent out; an open offer goes back to its queue. Refused while a conversation or wrap-up is open. */
    public void logout(String login) {
        AgentSession agent = session(login);
        if (agent.work().values().stream().anyMatch(item -> item.phase != Work.Phase.OFFERED)) {
            throw new AcdConflictException("Agent '" + login + "' has interactions in hand", agent.visibleState());
        }
        AgentState before = agent.visibleState();
        for (Work offer : new ArrayList<>(agent.work().values())) {
            takeBack(agent, offer);
        }
        agents.remove(login);
        matcher.signedOut(agent);
        emit(new AcdEvent.AgentStateChanged(now(), login, before, AgentState.LOGGED_OUT, null, agent.extension()));
        matcher.dispatch();
    }

    public void ready(String login) {
        AgentSession agent = session(login);
        changePresence(agent, AgentState.READY, null);
        matcher.dispatch();
    }

    public void notReady(String login, String reason) {
        changePresence(session(login), AgentState.NOT_READY, reason);
    }

    /** Puts a contact in its queue; answers false (with a Refused event) if the queue is unknown or full. */
    public boolean submit(Interaction interaction) {
        if (inDistribution(interaction.id())) {
            throw new IllegalArgumentException("Interaction '" + interaction.id() + "' is already being distributed");
        }
        QueueState queue = queues.get(interaction.queue());
        if (queue != null && !queue.definition().isOpen(now())) {
            QueueState afterHours = queue.definition().afterHours() == null ? null
                    : queues.get(queue.definition().afterHours());
            if (afterHours == null || !afterHours.definition().isOpen(now())) {
                emit(new AcdEvent.Refused(now(), interaction, "queue '" + interaction.queue() + "' is closed"));
                return false;
            }
            interaction = inQueue(interaction, afterHours.definition().name(), interaction.priority());
            queue = afterHours;
        }
        String refusal = queue == null ? "unknown queue '" + interaction.queue() + "'"
                : queue.waiting() >= queue.definition().maxLength() ? "queue '" + interaction.queue() + "' is full"
                : null;
        if (refusal != null) {
            emit(new AcdEvent.Refused(now(), interaction, refusal));
            return false;
        }
        long weight = queue.definition().priorityWeight().toMillis();
        enqueue(WaitingContact.enter(interaction, sequence++, now(), weight), false);
        matcher.dispatch();
        return true;
    }

    public void accept(String interactionId, String login) {
        AgentSession agent = session(login);
        Work offer = offered(interactionId, agent);
        Set<AgentSession> rung = ringing.remove(interactionId);
        if (rung != null) {
            rung.stream().filter(other -> other != agent).forEach(other -> stopRinging(other, interactionId));
            holders.put(interactionId, agent);
        }
        AgentState before = agent.visibleState();
        offer.enter(Work.Phase.TALKING, now(), null);
        matcher.touched(agent);
        store.remove(interactionId);
        emit(new AcdEvent.Accepted(now(), interactionId, login));
        stateChanged(agent, before, null);
        matcher.dispatch();
    }

    /** The agent declines an offer: the contact goes back to its place and the agent becomes not ready. */
    public void decline(String interactionId, String login) {
        AgentSession agent = session(login);
        decline(agent, offered(interactionId, agent), false);
        matcher.dispatch();
    }

    /** The conversation ended (either side hung up or closed): the agent wraps up for the queue's time. */
    public void end(String interactionId) {
        Work item = inHand(interactionId, Work.Phase.TALKING);
        AgentSession agent = holders.get(interactionId);
        AgentState before = agent.visibleState();
        agent.countHandled(Duration.between(item.since, now()));
        Duration wrapUp = queues.get(item.interaction.queue()).definition().wrapUp();
        item.enter(Work.Phase.WRAP_UP, now(), now().plus(wrapUp));
        deadlines.add(item.deadline, Deadlines.Kind.WORK, item);
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
        deadlines.add(item.deadline, Deadlines.Kind.WORK, item);
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
        matcher.dispatch();
    }

    /** The customer left before being served: the contact leaves its queue (or an open offer is withdrawn). */
    public void abandon(String interactionId) {
        String queue = interaction(interactionId).map(Interaction::queue).orElse(null);
        WaitingContact contact = waitingById.get(interactionId);
        if (contact != null) {
            dequeue(contact);
            store.remove(interactionId);
        } else if (ringing.containsKey(interactionId)) {
            for (AgentSession agent : ringing.remove(interactionId)) {
                stopRinging(agent, interactionId);
            }
            store.remove(interactionId);
        } else {
            AgentSession agent = holders.get(interactionId);
            Work item = agent == null ? null : agent.work().get(interactionId);
            if (item == null || item.phase != Work.Phase.OFFERED) {
                throw new AcdConflictException("Interaction '" + interactionId + "' is not waiting", null);
            }
            AgentState before = agent.visibleState();
            release(agent, item);
            store.remove(interactionId);
            stateChanged(agent, before, null);
        }
        emit(new AcdEvent.Abandoned(now(), interactionId, queue));
        matcher.dispatch();
    }

    /** Moves a waiting contact to a queue and priority; it keeps its entry time and arrival order. */
    public void move(String interactionId, String queueName, int priority) {
        WaitingContact contact = waitingContact(interactionId);
        QueueState target = queues.get(queueName);
        if (target == null) {
            throw new AcdConflictException("No queue '" + queueName + "'", null);
        }
        Interaction before = contact.interaction();
        Interaction moved = inQueue(before, queueName, priority);
        Instant queuedHere = queueName.equals(before.queue()) ? contact.queuedHereAt() : now();
        replace(contact, contact.changed(moved, queuedHere, target.definition().priorityWeight().toMillis()));
        emit(new AcdEvent.Moved(now(), moved, before.queue()));
        matcher.dispatch();
    }

    /**
     * A waiting caller leaves the line and keeps their place: the contact becomes a callback to {@code number}
     * (the number they called from when null), with the same id, queue and priority.
     */
    public void requestCallback(String interactionId, String number) {
        WaitingContact contact = waitingContact(interactionId);
        Interaction call = contact.interaction();
        String to = number == null || number.isBlank() ? call.customer() : number;
        if (call.channel() != Channel.VOICE || to == null || to.isBlank()) {
            throw new AcdConflictException(call.channel() != Channel.VOICE
                    ? "Interaction '" + interactionId + "' is a " + call.channel().name().toLowerCase() + ", not a call"
                    : "Interaction '" + interactionId + "' has no number to call back", null);
        }
        convertToCallback(contact, to);
        matcher.dispatch();
    }

    /** Removes a waiting contact from distribution. */
    public void drop(String interactionId) {
        WaitingContact contact = waitingContact(interactionId);
        dequeue(contact);
        store.remove(interactionId);
        emit(new AcdEvent.Dropped(now(), interactionId, contact.interaction().queue()));
    }

    /** Offers a waiting contact to an agent now: ready, without an open offer, with a free slot on its channel. */
    public void pull(String interactionId, String login) {
        WaitingContact contact = waitingContact(interactionId);
        AgentSession agent = session(login);
        if (!canTakeNow(agent, contact.interaction().channel())) {
            throw new AcdConflictException("Agent '" + login + "' cannot take '" + interactionId + "' now",
                    agent.visibleState());
        }
        QueueState queue = queues.get(contact.interaction().queue());
        if (!reserve(agent, contact)) {
            throw new AcdConflictException("Agent '" + login + "' was reserved elsewhere", agent.visibleState());
        }
        assign(contact, queue, agent);
    }

    /** Whether an agent is ready with no open offer and a free slot on the channel. */
    private static boolean canTakeNow(AgentSession agent, Channel channel) {
        return agent.presence() == AgentState.READY && !agent.hasOffer()
                && agent.inHand(channel) < agent.profile().capacity(channel);
    }

    /**
     * Like {@link #submit}, but offered straight to {@code login} when that agent can take it now (a transfer to
     * them), before anything else can route it; otherwise it waits in its queue like any other contact.
     */
    public boolean submitTo(Interaction interaction, String login) {
        AgentSession agent = agents.get(login);
        QueueState queue = queues.get(interaction.queue());
        if (agent == null || queue == null || !canTakeNow(agent, interaction.channel()) || inDistribution(interaction.id())
                || !queue.definition().isOpen(now())) {
            return submit(interaction);
        }
        WaitingContact contact = WaitingContact.enter(interaction, sequence++, now(),
                queue.definition().priorityWeight().toMillis());
        enqueue(contact, false);
        if (reserve(agent, contact)) {
            assign(contact, queue, agent);
        } else {
            matcher.dispatch(); // reserved elsewhere meanwhile (another node): it waits its turn
        }
        return true;
    }

    /**
     * Pickup: the offer open at {@code from} goes to {@code to} now. The contact is taken back to its place and
     * offered to {@code to} before anything else can route it; {@code from} stays ready.
     */
    public void redirect(String interactionId, String from, String to) {
        AgentSession holder = session(from);
        Work offer = offered(interactionId, holder);
        if (ringing.containsKey(interactionId)) {
            throw new AcdConflictException("'" + interactionId + "' rings at every agent: answering takes it",
                    holder.visibleState());
        }
        AgentSession target = session(to);
        Channel channel = offer.interaction.channel();
        if (target.presence() != AgentState.READY || target.hasOffer()
                || target.inHand(channel) >= target.profile().capacity(channel)) {
            throw new AcdConflictException("Agent '" + to + "' cannot take '" + interactionId + "' now",
                    target.visibleState());
        }
        AgentState before = holder.visibleState();
        takeBack(holder, offer);
        emit(new AcdEvent.Withdrawn(now(), interactionId, from));
        stateChanged(holder, before, null);
        matcher.touched(holder);
        pull(interactionId, to);
        matcher.dispatch();
    }

    /** Applies a changed profile (skills, groups, capacity) to a signed-in agent. */
    public void updateAgent(AgentProfile profile) {
        AgentSession agent = agents.get(profile.login());
        if (agent != null) {
            agent.profile(profile);
            // New skills or groups may fit contacts already waiting, whether or not the agent's slots changed.
            matcher.touched(agent);
            matcher.dispatch();
        }
    }

    /**
     * Runs every time-out due by now: unanswered offers go back in line, expired wrap-ups complete, contacts
     * that waited their queue's maximum overflow.
     */
    public void advance() {
        Instant now = now();
        for (Deadlines.Deadline deadline : deadlines.due(now)) {
            if (!inForce(deadline)) {
                continue;
            }
            switch (deadline.kind()) {
                case WORK -> {
                    Work item = (Work) deadline.subject();
                    if (item.phase == Work.Phase.OFFERED) {
                        decline(item.agent, item, true);
                    } else {
                        complete(item.interaction.id(), null, null);
                    }
                }
                case WIDENING -> throw new IllegalStateException("widening steps are kept apart");
                case MAX_WAIT -> {
                    WaitingContact contact = (WaitingContact) deadline.subject();
                    overflow(contact, queues.get(contact.interaction().queue()).definition());
                }
            }
        }
        matcher.dispatch();
    }

    /** The earliest time-out, widening step or maximum wait pending, if any: when {@link #advance()} has work to do. */
    public Optional<Instant> nextDeadline() {
        Deadlines.Deadline timeout = deadlines.next(this::inForce);
        return Stream.of(timeout == null ? null : timeout.at(), matcher.nextWidening()).filter(Objects::nonNull)
                .min(Instant::compareTo);
    }

    /** Whether a scheduled moment still matters: its work item is still in hand, its contact still waits there. */
    private boolean inForce(Deadlines.Deadline deadline) {
        return switch (deadline.kind()) {
            case WORK -> {
                Work item = (Work) deadline.subject();
                yield !item.released && deadline.at().equals(item.deadline);
            }
            case WIDENING -> waitingById.get(((WaitingContact) deadline.subject()).id()) == deadline.subject();
            case MAX_WAIT -> {
                WaitingContact contact = (WaitingContact) deadline.subject();
                yield waitingById.get(contact.id()) == contact && deadline.at().equals(overflowAt(contact));
            }
        };
    }

    /**
     * Where a waiting contact stands in its queue, how many signed-in agents (ready or busy) may serve it, and
     * the wait to expect from {@code averageHandleTime} (null when unknown or nobody is staffed).
     */
    public Optional<WaitEstimate> estimate(String interactionId, Duration averageHandleTime) {
        WaitingContact contact = waitingById.get(interactionId);
        if (contact == null) {
            return Optional.empty();
        }
        String queueName = contact.interaction().queue();
        QueueDefinition definition = queues.get(queueName).definition();
        int position = 1 + queues.get(queueName).line().headSet(contact).size();
        int staffed = (int) agents.values().stream()
                .filter(agent -> agent.presence() == AgentState.READY && agent.qualifies(contact, definition, now()))
                .count();
        Duration expected = averageHandleTime == null || averageHandleTime.isZero() || staffed == 0 ? null
                : averageHandleTime.multipliedBy(position).dividedBy(staffed);
        return Optional.of(new WaitEstimate(interactionId, queueName, position, staffed,
                averageHandleTime, expected));
    }

    public AgentState state(String login) {
        AgentSession agent = agents.get(login);
        return agent == null ? AgentState.LOGGED_OUT : agent.visibleState();
    }

    /** The ids of a queue's waiting contacts, first in line first. */
    public List<String> waiting(String queue) {
        QueueState state = queues.get(queue);
        return state == null ? List.of() : state.line().stream().map(WaitingContact::id).toList();
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
        for (WaitingContact contact : queues.get(queue).line()) {
            if (oldest == null || contact.enqueuedAt().isBefore(oldest)) {
                oldest = contact.enqueuedAt();
            }
        }
        return oldest;
    }

    /** The queue a contact waits in, if it is waiting. */
    public Optional<String> queueOf(String interactionId) {
        return Optional.ofNullable(waitingById.get(interactionId)).map(contact -> contact.interaction().queue());
    }

    /** An interaction in distribution, waiting or in an agent's hands. */
    public Optional<Interaction> interaction(String interactionId) {
        return view(interactionId).map(InteractionView::interaction);
    }

    /** An interaction in distribution with its state and agents, waiting or in agents' hands. */
    public Optional<InteractionView> view(String interactionId) {
        WaitingContact contact = waitingById.get(interactionId);
        if (contact != null) {
            return Optional.of(new InteractionView(contact.interaction(), InteractionState.WAITING, List.of(),
                    contact.enqueuedAt(), contact.queuedHereAt()));
        }
        List<AgentSession> hands = holders.containsKey(interactionId) ? List.of(holders.get(interactionId))
                : List.copyOf(ringing.getOrDefault(interactionId, Set.of()));
        if (hands.isEmpty()) {
            return Optional.empty();
        }
        Work item = hands.get(0).work().get(interactionId);
        InteractionState state = switch (item.phase) {
            case OFFERED -> InteractionState.OFFERED;
            case TALKING -> InteractionState.TALKING;
            case WRAP_UP -> InteractionState.WRAP_UP;
        };
        return Optional.of(new InteractionView(item.interaction, state, hands.stream().map(AgentSession::login).toList(),
                item.contact.enqueuedAt(), item.since));
    }

    /** Which agent holds an interaction (offered, talking or wrapping up), if any. */
    public Optional<String> holder(String interactionId) {
        return Optional.ofNullable(holders.get(interactionId)).map(AgentSession::login);
    }

    /**
     * For checks: every waiting contact that an agent free right now could take, as "contact to agent". Between
     * commands it must be empty (whatever could be offered was); this scans everything, routing never does.
     */
    public List<String> missedOffers() {
        List<String> missed = new ArrayList<>();
        for (WaitingContact contact : waiting) {
            for (AgentSession agent : agents.values()) {
                if (agent.canTake(contact, matcher.definition(contact), matcher.reach(contact))) {
                    missed.add(contact.id() + " to " + agent.login());
                }
            }
        }
        return missed;
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

    /** Takes a contact out of line and offers it to the agent reserved for it. */
    private void assign(WaitingContact contact, QueueState queue, AgentSession agent) {
        dequeue(contact);
        queue.chose(agent.login());
        holders.put(contact.id(), agent);
        offer(contact, agent, queue.definition());
    }

    /** Offers the contact to every able agent that can still be reserved. */
    private boolean ringAll(WaitingContact contact, QueueState queue, List<AgentSession> able) {
        Set<AgentSession> rung = new LinkedHashSet<>();
        for (AgentSession agent : able) {
            if (reserve(agent, contact)) {
                rung.add(agent);
            }
        }
        if (rung.isEmpty()) {
            return false;
        }
        dequeue(contact);
        ringing.put(contact.id(), rung);
        rung.forEach(agent -> offer(contact, agent, queue.definition()));
        return true;
    }

    /** Puts a contact in line (no event, no store): it is looked at by the next dispatch, and its moments set. */
    private void line(WaitingContact contact) {
        waiting.add(contact);
        waitingById.put(contact.id(), contact);
        queues.get(contact.interaction().queue()).add(contact);
        matcher.fresh(contact);
        scheduleWaitingDeadlines(contact);
    }

    /** The moments a waiting contact's queue rules set for it: each widening step, and its maximum wait. */
    private void scheduleWaitingDeadlines(WaitingContact contact) {
        QueueDefinition queue = queues.get(contact.interaction().queue()).definition();
        for (WideningStep step : queue.widening()) {
            Instant at = contact.enqueuedAt().plus(step.after());
            if (at.isAfter(now())) {
                matcher.widensAt(at, contact);
            }
        }
        Instant overflow = overflowAt(contact);
        if (overflow != null) {
            deadlines.add(overflow, Deadlines.Kind.MAX_WAIT, contact);
        }
    }

    /** Ends one agent's ring-all offer without their doing: someone else took it, or the customer left. */
    private void stopRinging(AgentSession agent, String interactionId) {
        AgentState before = agent.visibleState();
        release(agent, agent.work().get(interactionId));
        emit(new AcdEvent.Withdrawn(now(), interactionId, agent.login()));
        stateChanged(agent, before, null);
    }

    private boolean inDistribution(String interactionId) {
        return waitingById.containsKey(interactionId) || holders.containsKey(interactionId)
                || ringing.containsKey(interactionId);
    }

    /** When a waiting contact reaches its queue's maximum wait, or null when the queue has none. */
    private Instant overflowAt(WaitingContact contact) {
        MaxWait maxWait = queues.get(contact.interaction().queue()).definition().maxWait();
        return maxWait == null ? null : contact.queuedHereAt().plus(maxWait.after());
    }

    /**
     * One contact past its queue's maximum wait. A callback needs a call with a number, another queue must
     * exist and have room; otherwise the contact keeps waiting where it is.
     */
    private void overflow(WaitingContact contact, QueueDefinition from) {
        MaxWait maxWait = from.maxWait();
        Interaction interaction = contact.interaction();
        switch (maxWait.action()) {
            case CALLBACK -> {
                if (interaction.channel() == Channel.VOICE && interaction.customer() != null
                        && !interaction.customer().isBlank()) {
                    emit(new AcdEvent.Overflowed(now(), contact.id(), from.name(), maxWait.action(), null));
                    convertToCallback(contact, interaction.customer());
                }
            }
            case QUEUE -> {
                QueueState target = queues.get(maxWait.target());
                if (target != null && target.waiting() < target.definition().maxLength()
                        && !target.definition().name().equals(from.name())) {
                    Interaction moved = inQueue(interaction, target.definition().name(), interaction.priority());
                    replace(contact, contact.changed(moved, now(), target.definition().priorityWeight().toMillis()));
                    emit(new AcdEvent.Overflowed(now(), contact.id(), from.name(), maxWait.action(), maxWait.target()));
                }
            }
            case MESSAGE -> {
                dequeue(contact);
                store.remove(contact.id());
                emit(new AcdEvent.Overflowed(now(), contact.id(), from.name(), maxWait.action(), null));
            }
        }
    }

    private void convertToCallback(WaitingContact contact, String number) {
        Interaction call = contact.interaction();
        Interaction callback = new Interaction(call.id(), Channel.CALLBACK, call.queue(), call.priority(),
                call.requirements(), call.entryPoint(), number, call.attributes(), call.createdAt());
        long weight = queues.get(call.queue()).definition().priorityWeight().toMillis();
        replace(contact, contact.changed(callback, contact.queuedHereAt(), weight));
        emit(new AcdEvent.CallbackRequested(now(), callback, contact.enqueuedAt()));
    }

    private static Interaction inQueue(Interaction interaction, String queue, int priority) {
        return new Interaction(interaction.id(), interaction.channel(), queue, priority, interaction.requirements(),
                interaction.entryPoint(), interaction.customer(), interaction.attributes(), interaction.createdAt());
    }

    private void offer(WaitingContact contact, AgentSession agent, QueueDefinition queue) {
        AgentState before = agent.visibleState();
        Work item = new Work(contact, agent, now(), now().plus(queue.offerTimeout()));
        agent.work().put(contact.id(), item);
        deadlines.add(item.deadline, Deadlines.Kind.WORK, item);
        matcher.touched(agent);
        emit(new AcdEvent.Offered(now(), contact.id(), queue.name(), agent.login()));
        stateChanged(agent, before, null);
    }

    private void decline(AgentSession agent, Work offer, boolean timedOut) {
        AgentState before = agent.visibleState();
        if (timedOut && ringing.containsKey(offer.interaction.id())) {
            // Nobody answered a ring-all: it stops ringing and rings again, with no one made not ready.
            stopRinging(agent, offer.interaction.id());
            takeBack(agent, offer);
            return;
        }
        takeBack(agent, offer);
        agent.presence(AgentState.NOT_READY, timedOut ? MISSED : DECLINED);
        matcher.touched(agent);
        emit(new AcdEvent.Declined(now(), offer.interaction.id(), agent.login(), timedOut));
        stateChanged(agent, before, agent.reason());
    }

    /**
     * Takes an open offer back from an agent and returns the contact to its original place; a ring-all
     * contact goes back only when no agent is left ringing.
     */
    private void takeBack(AgentSession agent, Work offer) {
        String id = offer.interaction.id();
        Set<AgentSession> rung = ringing.get(id);
        if (agent.work().get(id) == offer) {
            release(agent, offer);
        }
        if (rung != null) {
            rung.remove(agent);
            if (!rung.isEmpty()) {
                return;
            }
            ringing.remove(id);
        }
        enqueue(offer.contact, true);
    }

    private void release(AgentSession agent, Work item) {
        List<String> before = held(agent);
        agent.work().remove(item.interaction.id());
        item.released = true;
        holders.remove(item.interaction.id());
        if (!store.reserve(agent.login(), before, held(agent))) {
            // Only this writer changes this agent's reservation; make the store agree with what it holds.
            store.reserve(agent.login(), store.held(agent.login()), held(agent));
        }
        if (agent.work().isEmpty()) {
            agent.idleSince(now());
        }
        matcher.touched(agent);
    }

    /** Reserves an agent's slot for a contact; false when another writer reserved the agent first. */
    private boolean reserve(AgentSession agent, WaitingContact contact) {
        List<String> before = held(agent);
        List<String> after = new ArrayList<>(before);
        after.add(contact.id());
        return store.reserve(agent.login(), before, after);
    }

    private static List<String> held(AgentSession agent) {
        return agent.work().keySet().stream().sorted().toList();
    }

    /** Puts a changed contact in its new place, in the engine and the store. */
    private void replace(WaitingContact contact, WaitingContact changed) {
        dequeue(contact);
        line(changed);
        store.put(changed.stored());
    }

    private void enqueue(WaitingContact contact, boolean requeued) {
        if (!requeued) {
            store.put(contact.stored());
        }
        line(contact);
        emit(new AcdEvent.Queued(now(), contact.interaction(), requeued));
    }

    private void dequeue(WaitingContact contact) {
        waiting.remove(contact);
        waitingById.remove(contact.id());
        queues.get(contact.interaction().queue()).remove(contact);
    }

    private void changePresence(AgentSession agent, AgentState presence, String reason) {
        AgentState before = agent.visibleState();
        String reasonBefore = agent.reason();
        agent.presence(presence, reason);
        if (presence == AgentState.READY && agent.work().isEmpty()) {
            agent.idleSince(now());
        }
        matcher.touched(agent);
        if (before == AgentState.NOT_READY && agent.visibleState() == AgentState.NOT_READY
                && !Objects.equals(reasonBefore, agent.reason())) {
            // From one not-ready reason to another: a change of its own in the state log and reports.
            agent.stateSince(now());
            emit(new AcdEvent.AgentStateChanged(now(), agent.login(), before, before, agent.reason(),
                    agent.extension()));
        } else {
            stateChanged(agent, before, agent.reason());
        }
    }

    private void stateChanged(AgentSession agent, AgentState before, String reason) {
        AgentState after = agent.visibleState();
        if (after != before) {
            agent.stateSince(now());
            emit(new AcdEvent.AgentStateChanged(now(), agent.login(), before, after,
                    after == AgentState.NOT_READY ? agent.reason() : reason, agent.extension()));
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

    private Instant now() {
        return clock.instant();
    }

    private void emit(AcdEvent event) {
        events.accept(event);
    }
}
