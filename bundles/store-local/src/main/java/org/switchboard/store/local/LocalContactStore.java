package org.switchboard.store.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.switchboard.api.store.ContactStore;
import org.switchboard.api.store.QueuedContact;

/**
 * Keeps distribution's live state in memory: it outlives a restart of the core bundle, not of the JVM.
 * For one node, and for tests and simulations.
 */
// Immediate: a delayed component would be disposed of, with the line, while distribution restarts.
@Component(service = ContactStore.class, property = ContactStore.KIND + "=local", immediate = true)
public class LocalContactStore implements ContactStore {

    private final Map<String, QueuedContact> contacts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> reservations = new ConcurrentHashMap<>();

    @Override
    public void put(QueuedContact contact) {
        contacts.put(contact.id(), contact);
    }

    @Override
    public void remove(String interactionId) {
        contacts.remove(interactionId);
    }

    @Override
    public List<QueuedContact> contacts() {
        return new ArrayList<>(contacts.values());
    }

    @Override
    public List<String> held(String login) {
        return reservations.getOrDefault(login, List.of());
    }

    @Override
    public boolean reserve(String login, List<String> expected, List<String> held) {
        List<String> before = expected.stream().sorted().toList();
        List<String> after = held.stream().sorted().toList();
        if (before.isEmpty()) {
            return after.isEmpty() ? !reservations.containsKey(login) : reservations.putIfAbsent(login, after) == null;
        }
        return after.isEmpty() ? reservations.remove(login, before) : reservations.replace(login, before, after);
    }
}
