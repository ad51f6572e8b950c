package org.switchboard.api.acd;

/** How a queue chooses among the agents able to take a contact. */
public enum RoutingStrategy {
    /** The agent free of work the longest. */
    LONGEST_IDLE,
    /** The agent who handled the fewest contacts (then the least talk time) today: load balancing. */
    LEAST_OCCUPIED,
    /** The next agent after the one chosen last, in login order. */
    ROUND_ROBIN,
    /** The agent with the highest level in the required skills. */
    BEST_SKILL,
    /** Always the first able agent in login order (top-down). */
    LINEAR,
    /** Any able agent, at random. */
    RANDOM,
    /** Every able agent at once (for calls): the first to accept takes the contact, the others stop ringing. */
    RING_ALL
}
