package org.switchboard.acd.rest;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;

/** Keeps "actor action target" of each recorded entry, for assertions. */
class RecordingAuditLog implements AuditLog {

    final List<String> entries = new ArrayList<>();

    @Override
    public void record(String actor, String action, String target, String detail) {
        entries.add(actor + " " + action + " " + target);
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return List.of();
    }
}
