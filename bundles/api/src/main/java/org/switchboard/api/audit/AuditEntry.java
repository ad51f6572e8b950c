package org.switchboard.api.audit;

import java.time.Instant;

/** One recorded action: who did what to which target, and when. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
}
