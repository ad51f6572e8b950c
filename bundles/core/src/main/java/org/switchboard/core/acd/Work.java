package org.switchboard.core.acd;

import java.time.Instant;
import org.switchboard.api.acd.Interaction;

/** One interaction in an agent's hands, in one phase: offered, in conversation, or in wrap-up until a deadline. */
final class Work {

    enum Phase { OFFERED, TALKING, WRAP_UP }

    final Interaction interaction;
    final WaitingContact contact;
    final AgentSession agent;
    Phase phase;
    Instant since;
    Instant deadline;

    /** Set once the item has left the agent's hands, so that its pending deadline no longer holds. */
    boolean released;

    Work(WaitingContact contact, AgentSession agent, Instant since, Instant deadline) {
        this.contact = contact;
        this.agent = agent;
        this.interaction = contact.interaction();
        this.phase = Phase.OFFERED;
        this.since = since;
        this.deadline = deadline;
    }

    void enter(Phase next, Instant at, Instant nextDeadline) {
        phase = next;
        since = at;
        deadline = nextDeadline;
    }
}
