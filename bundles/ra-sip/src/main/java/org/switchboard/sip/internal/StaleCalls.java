package org.switchboard.sip.internal;

import javax.sip.Dialog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends calls whose parties are gone without saying so: a call the audit found silent, and a dialog whose 2xx was
 * never acknowledged or whose ACK could not be sent (RFC 3261 §13.3.1.4: the session is then to be ended with a
 * BYE). Everything the call holds is released as for any hang-up; each is logged at WARN with the call's history.
 */
final class StaleCalls {

    private static final Logger LOG = LoggerFactory.getLogger(StaleCalls.class);

    private final B2bua b2bua;
    private final CallTable calls;
    private final KeyedExecutor lanes;

    StaleCalls(B2bua b2bua, CallContext context) {
        this.b2bua = b2bua;
        this.calls = context.calls();
        this.lanes = context.lanes();
    }

    /** Ends {@code call} (on its lane) for {@code why}: every party is let go, as for any call the appliance ends. */
    void end(VoiceCall call, String why) {
        if (call.state() == VoiceCall.State.ENDED) {
            return;
        }
        LOG.warn("Call {} from {} to {} in {} ended by the audit: {}; its history: {}", call.id, call.caller,
                call.dialed, call.state(), why, call.history);
        b2bua.end(call, Teardown.Cause.APPLIANCE);
    }

    /** The stack gave up on a dialog of ours: the call it belongs to, if any, ends. */
    void dialogTimedOut(Dialog dialog, String reason) {
        if (dialog == null || dialog.getCallId() == null) {
            return;
        }
        VoiceCall call = calls.byLeg(dialog.getCallId().getCallId());
        if (call == null) {
            return;
        }
        lanes.execute(call.lane, () -> {
            call.history.note("dialog " + dialog.getCallId().getCallId() + " timed out: " + reason, System.nanoTime());
            end(call, "a dialog timed out (" + reason + ")");
        });
    }
}
