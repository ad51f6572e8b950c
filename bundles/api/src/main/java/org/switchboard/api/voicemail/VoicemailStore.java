package org.switchboard.api.voicemail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Where the messages callers leave are kept, so that those who serve a mailbox find and listen to them. */
@ProviderType
public interface VoicemailStore {

    void add(Voicemail message);

    Optional<Voicemail> find(String id);

    /** The latest messages of one mailbox, newest first. */
    List<Voicemail> ofMailbox(String mailbox, int limit);

    /** The latest messages of every mailbox, newest first. */
    List<Voicemail> recent(int limit);

    /** Records that someone listened to a message (the first time counts); false when there is no such message. */
    boolean markHeard(String id, Instant at);
}
