package org.switchboard.api.store;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The live state of distribution, shared by whoever routes. A contact is kept from the moment it enters a
 * queue until an agent accepts it or it leaves (abandoned, dropped, overflowed), so a writer that takes over
 * puts every contact not yet accepted back at its place. Agents are reserved by compare-and-set on the list
 * of interactions they hold, so two writers can never give one agent the same slot.
 * <p>Services carry the property {@code switchboard.store} naming the kind ({@code local}, {@code hazelcast});
 * distribution picks one by its {@code store.target} filter.
 */
@ProviderType
public interface ContactStore {

    /** The service property naming a store's kind. */
    String KIND = "switchboard.store";

    /** Keeps a contact, or its new queue, priority or channel. */
    void put(QueuedContact contact);

    void remove(String interactionId);

    /** Every contact kept, in no particular order. */
    List<QueuedContact> contacts();

    /** The ids of the interactions an agent holds, sorted; empty when none. */
    List<String> held(String login);

    /**
     * Replaces what an agent holds, if it still holds exactly {@code expected}; false when another writer
     * changed it first. Lists are compared sorted; an empty {@code held} releases the agent.
     */
    boolean reserve(String login, List<String> expected, List<String> held);
}
