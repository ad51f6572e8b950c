package org.switchboard.core.acd;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.switchboard.api.acd.QueueDefinition;

/** A queue's rules, its routing memory, and its own line in rank order (the engine also keeps one across queues). */
final class QueueState {

    private QueueDefinition definition;
    private String lastChosen;
    private final TreeSet<WaitingContact> line = new TreeSet<>(WaitingContact.BY_RANK);
    /** The line again, per kind of contact, longest waiting first. */
    private final Map<WaitingContact.Kind, TreeSet<WaitingContact>> byKind = new HashMap<>();

    QueueState(QueueDefinition definition) {
        this.definition = definition;
    }

    QueueDefinition definition() {
        return definition;
    }

    void definition(QueueDefinition changed) {
        definition = changed;
    }

    String lastChosen() {
        return lastChosen;
    }

    void chose(String agent) {
        lastChosen = agent;
    }

    int waiting() {
        return line.size();
    }

    /** The line in rank order; change it only through {@link #add} and {@link #remove}. */
    NavigableSet<WaitingContact> line() {
        return line;
    }

    void add(WaitingContact contact) {
        line.add(contact);
        byKind.computeIfAbsent(contact.kind(), kind -> new TreeSet<>(WaitingContact.BY_ENTRY)).add(contact);
    }

    void remove(WaitingContact contact) {
        line.remove(contact);
        TreeSet<WaitingContact> ofKind = byKind.get(contact.kind());
        if (ofKind != null && ofKind.remove(contact) && ofKind.isEmpty()) {
            byKind.remove(contact.kind());
        }
    }

    /** How many kinds of contact wait in the queue. */
    int kinds() {
        return byKind.size();
    }

    /** Contacts of this kind, longest waiting first. */
    Iterable<WaitingContact> ofKind(WaitingContact.Kind kind) {
        return byKind.getOrDefault(kind, EMPTY);
    }

    private static final TreeSet<WaitingContact> EMPTY = new TreeSet<>(WaitingContact.BY_ENTRY);
}
