package org.switchboard.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Append-only record of administrative actions. */
@ProviderType
public interface AuditLog {

    /** Actor name used for what the appliance does by itself. */
    String SYSTEM = "system";

    /** Queues an entry for writing; never blocks the caller on I/O. */
    void record(String actor, String action, String target, String detail);

    /** The newest entries first, at most {@code limit} of them. */
    List<AuditEntry> recent(int limit);
}
