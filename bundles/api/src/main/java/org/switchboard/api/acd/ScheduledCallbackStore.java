package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Where scheduled callbacks wait for their time, so that they outlive a restart. */
@ProviderType
public interface ScheduledCallbackStore {

    void save(ScheduledCallback callback);

    Optional<ScheduledCallback> find(String id);

    /**
     * Removes a callback; true only for the one caller that removed it, so that a callback due on several nodes
     * sharing a database enters distribution once, and a cancelled one not at all.
     */
    boolean remove(String id);

    /** Callbacks due from {@code from} (inclusive) to {@code to} (exclusive), earliest first. */
    List<ScheduledCallback> between(Instant from, Instant to);

    /** Every callback still waiting, earliest first. */
    List<ScheduledCallback> pending();
}
