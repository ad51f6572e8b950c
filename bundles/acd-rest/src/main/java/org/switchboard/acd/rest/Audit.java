package org.switchboard.acd.rest;

import javax.ws.rs.core.SecurityContext;
import org.switchboard.api.audit.AuditLog;

/** Records who did what, when the audit log is there. */
final class Audit {

    private Audit() {
    }

    static void record(AuditLog log, SecurityContext caller, String action, String target, String detail) {
        if (log != null) {
            log.record(caller.getUserPrincipal().getName(), action, target, detail);
        }
    }
}
