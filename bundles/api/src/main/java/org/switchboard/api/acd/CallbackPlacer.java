package org.switchboard.api.acd;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The telephony side of a callback: once an agent accepts a callback, distribution asks the placer to
 * connect the agent with the customer's number. Called off the routing thread; it must not block for long.
 */
@ConsumerType
public interface CallbackPlacer {

    void place(Interaction callback, String agent);
}
