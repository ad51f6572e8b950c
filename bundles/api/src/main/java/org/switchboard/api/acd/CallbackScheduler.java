package org.switchboard.api.acd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Callbacks scheduled for later: each is kept until its time, then enters its queue as a callback contact
 * (offered first to its agent when they can take it then). Scheduling never holds up distribution.
 */
@ProviderType
public interface CallbackScheduler {

    /** Keeps the callback and arms it for its time. */
    void schedule(ScheduledCallback callback);

    Optional<ScheduledCallback> scheduled(String id);

    /** Callbacks still waiting that are due from {@code from} (inclusive) to {@code to} (exclusive), earliest first. */
    List<ScheduledCallback> scheduled(Instant from, Instant to);

    /** Cancels a callback that is still waiting; false when there is none (unknown, cancelled or already due). */
    boolean cancel(String id);
}
