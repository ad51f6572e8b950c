package org.switchboard.api.acd;

import java.time.Instant;

/** Something that happened in distribution, in the order it happened; the raw data of history and reports. */
public sealed interface AcdEvent {

    Instant at();

    /** A contact entered its queue (or came back to its place after a missed or rejected offer). */
    record Queued(Instant at, Interaction interaction, boolean requeued) implements AcdEvent {
    }

    /** A contact was refused by its queue (unknown queue or full); {@code reason} says which. */
    record Refused(Instant at, Interaction interaction, String reason) implements AcdEvent {
    }

    /** A contact was offered to an agent, who must accept it within the queue's offer timeout. */
    record Offered(Instant at, String interactionId, String queue, String agent) implements AcdEvent {
    }

    /** The agent accepted: the conversation begins. */
    record Accepted(Instant at, String interactionId, String agent) implements AcdEvent {
    }

    /** The agent declined, or did not answer in time ({@code timedOut}); the contact is back in place. */
    record Declined(Instant at, String interactionId, String agent, boolean timedOut) implements AcdEvent {
    }

    /**
     * An offer to this agent ended without their doing: another agent took the contact (ring-all), nobody
     * answered a ring-all in time, or the customer left.
     */
    record Withdrawn(Instant at, String interactionId, String agent) implements AcdEvent {
    }

    /** A supervisor removed a waiting contact from its queue. */
    record Dropped(Instant at, String interactionId, String queue) implements AcdEvent {
    }

    /** A supervisor moved a waiting contact to another queue or changed its priority; it keeps its entry time. */
    record Moved(Instant at, Interaction interaction, String fromQueue) implements AcdEvent {
    }

    /**
     * A waiting caller left the line keeping their place (they have waited since {@code waitingSince}):
     * {@code callback} is the call to make back to them.
     */
    record CallbackRequested(Instant at, Interaction callback, Instant waitingSince) implements AcdEvent {
    }

    /**
     * A contact waited its queue's maximum: it became a callback, went to queue {@code target}, or left the
     * line for a message, which its channel takes from here.
     */
    record Overflowed(Instant at, String interactionId, String queue, MaxWait.Action action, String target)
            implements AcdEvent {
    }

    /** The customer left before an agent took the contact. */
    record Abandoned(Instant at, String interactionId, String queue) implements AcdEvent {
    }

    /** The conversation ended; the agent is in wrap-up for this contact. */
    record Ended(Instant at, String interactionId, String agent) implements AcdEvent {
    }

    /** The agent finished after-contact work, with a disposition code and a note. */
    record Completed(Instant at, String interactionId, String agent, String disposition, String note)
            implements AcdEvent {
    }

    /**
     * An agent's visible state changed; {@code reason} is the not-ready reason when there is one,
     * {@code extension} the phone the agent is signed in at (null for none).
     */
    record AgentStateChanged(Instant at, String agent, AgentState from, AgentState to, String reason,
            String extension) implements AcdEvent {

        /** A change of an agent signed in without an extension. */
        public AgentStateChanged(Instant at, String agent, AgentState from, AgentState to, String reason) {
            this(at, agent, from, to, reason, null);
        }
    }
}
