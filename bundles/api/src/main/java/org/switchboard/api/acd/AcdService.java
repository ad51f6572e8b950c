package org.switchboard.api.acd;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Contact distribution: agents' presence and work, queues and their contacts. Commands are applied in
 * order by one writer; a command that does not fit the current state throws {@link AcdConflictException}.
 */
@ProviderType
public interface AcdService {

    List<QueueView> queues();

    Optional<QueueView> queue(String name);

    /** A queue's live figures of the day. */
    Optional<QueueFigures> figures(String queue);

    List<AgentView> agents();

    Optional<AgentView> agent(String login);

    /** Adds or changes a queue; contacts already waiting keep their places. */
    void defineQueue(QueueDefinition definition);

    /** Takes a queue out of distribution; refused while contacts wait in it or agents hold its contacts. */
    void removeQueue(String name);

    /**
     * Signs an agent in at a phone extension (null: none, e.g. for chat and e-mail only). Signing in again at the
     * same extension changes nothing; at another one, while signed in, is a conflict.
     */
    void login(AgentProfile profile, String extension);

    /** Signs an agent in without an extension. */
    default void login(AgentProfile profile) {
        login(profile, null);
    }

    void logout(String login);

    void ready(String login);

    void notReady(String login, String reason);

    /** Puts a contact in its queue; false when the queue refused it (unknown or full). */
    boolean submit(Interaction interaction);

    /**
     * Like {@link #submit}, but offered straight to agent {@code login} when they can take it now (a transfer to
     * them), before anything else can route it; otherwise it waits in its queue like any other contact.
     */
    default boolean submitTo(Interaction interaction, String login) {
        boolean queued = submit(interaction);
        if (queued) {
            try {
                pull(interaction.id(), login);
            } catch (AcdConflictException e) {
                // offered elsewhere already, or the agent cannot take it: it is distributed as usual
            }
        }
        return queued;
    }

    /**
     * A waiting caller leaves the line and keeps their place: the call becomes a callback to {@code number}
     * (or to the number they called from when null), distributed like any contact.
     */
    void requestCallback(String interactionId, String number);

    /** An interaction in distribution (waiting, offered, in conversation or wrap-up); empty once it has left. */
    Optional<InteractionView> interaction(String interactionId);

    /** Where a waiting contact stands and how long it may still wait; empty when it is not waiting. */
    Optional<WaitEstimate> estimate(String interactionId);

    void accept(String interactionId, String login);

    void decline(String interactionId, String login);

    void end(String interactionId);

    /** Gives the agent more time to wrap up this interaction (ending it early is {@link #complete}). */
    void extendWrapUp(String interactionId, Duration more);

    void complete(String interactionId, String disposition, String note);

    void abandon(String interactionId);

    /** Supervisor: moves a waiting contact to another queue and/or priority; it keeps its entry time. */
    void move(String interactionId, String queue, int priority);

    /** Supervisor: removes a waiting contact from distribution. */
    void drop(String interactionId);

    /** Supervisor: offers a waiting contact to this agent now, skills and groups aside (capacity still counts). */
    void pull(String interactionId, String login);

    /**
     * Pickup: an offer ringing at agent {@code from} goes to agent {@code to} at once (ready, with a free slot);
     * {@code from} stays ready. Not for a ring-all call, which any of its agents takes by answering.
     */
    void redirect(String interactionId, String from, String to);

    /** Applies a changed configuration (skills, groups, capacity) to a signed-in agent at once. */
    void updateAgent(AgentProfile profile);
}
