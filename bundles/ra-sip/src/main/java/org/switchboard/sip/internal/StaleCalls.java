package org.switchboard.sip.internal;

import javax.sip.Dialog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.InteractionState;

/**
 * Ends calls whose parties are gone without saying so: a call the audit found silent, and a dialog whose 2xx was
 * never acknowledged or whose ACK could not be sent (RFC 3261 §13.3.1.4: the session is then to be ended with a
 * BYE). Everything the call holds is released as for any hang-up; each is logged at WARN with the call's history.
 * Also lets go of an agent distribution still holds for a call of ours that has ended.
 */
final class StaleCalls {

    private static final Logger LOG = LoggerFactory.getLogger(StaleCalls.class);

    private final B2bua b2bua;
    private final CallTable calls;
    private final KeyedExecutor lanes;
    private final AcdService acd;

    StaleCalls(B2bua b2bua, CallContext context, AcdService acd) {
        this.b2bua = b2bua;
        this.calls = context.calls();
        this.lanes = context.lanes();
        this.acd = acd;
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

    /**
     * An agent is never left reserved or busy for a call that has ended: if interaction {@code id} was a call of
     * ours that ended and distribution still offers it (or counts it as in conversation), it is abandoned (or
     * ended) there.
     */
    void releaseAgentOf(String id) {
        if (calls.byInteraction(id) != null || !calls.endedRecently(id)) {
            return;
        }
        acd.interaction(id).filter(view -> view.interaction().channel() == Channel.VOICE
                && view.state() != InteractionState.WRAP_UP).ifPresent(view -> {
                    LOG.warn("Call {} had ended, but distribution still held it ({} with {}); released", id,
                            view.state(), view.agents());
                    B2bua.ignoreConflict(() -> {
                        if (view.state() == InteractionState.TALKING) {
                            acd.end(id);
                        } else {
                            acd.abandon(id);
                        }
                    });
                });
    }
}
