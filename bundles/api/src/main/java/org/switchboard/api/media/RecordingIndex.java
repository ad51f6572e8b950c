package org.switchboard.api.media;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Where recordings are listed, so that they can be found by interaction and fetched by those allowed to. */
@ProviderType
public interface RecordingIndex {

    void add(Recording recording);

    Optional<Recording> find(String id);

    List<Recording> ofInteraction(String interactionId);

    /** The latest recordings, newest first. */
    List<Recording> recent(int limit);
}
