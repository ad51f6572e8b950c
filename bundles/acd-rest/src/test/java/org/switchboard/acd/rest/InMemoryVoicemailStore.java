package org.switchboard.acd.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.voicemail.Voicemail;
import org.switchboard.api.voicemail.VoicemailStore;

/** Voicemail messages in a map, newest last, for resource tests. */
class InMemoryVoicemailStore implements VoicemailStore {

    private final Map<String, Voicemail> messages = new LinkedHashMap<>();

    @Override
    public void add(Voicemail message) {
        messages.put(message.id(), message);
    }

    @Override
    public Optional<Voicemail> find(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public List<Voicemail> ofMailbox(String mailbox, int limit) {
        return newestFirst().stream().filter(m -> m.mailbox().equals(mailbox)).limit(limit).toList();
    }

    @Override
    public List<Voicemail> recent(int limit) {
        return newestFirst().stream().limit(limit).toList();
    }

    @Override
    public boolean markHeard(String id, Instant at) {
        Voicemail message = messages.get(id);
        if (message != null && !message.heard()) {
            messages.put(id, message.heardAt(at));
        }
        return message != null;
    }

    private List<Voicemail> newestFirst() {
        List<Voicemail> all = new ArrayList<>(messages.values());
        all.sort(Comparator.comparing(Voicemail::receivedAt).reversed());
        return all;
    }
}
