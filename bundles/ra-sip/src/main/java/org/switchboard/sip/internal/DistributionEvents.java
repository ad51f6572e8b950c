package org.switchboard.sip.internal;

import java.util.function.Consumer;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.MaxWait;

/**
 * Distribution's events about calls of ours, each handled on its call's lane: the phone of the agent offered a
 * call rings and stops ringing when the offer ends, a dropped caller is let go, a caller who waited the queue's
 * longest gets a callback or leaves a message; an offer of a call that has just ended is withdrawn at once.
 */
final class DistributionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionEvents.class);

    private final B2bua b2bua;
    private final CallTable calls;

    DistributionEvents(B2bua b2bua, CallTable calls) {
        this.b2bua = b2bua;
        this.calls = calls;
    }

    /** Distribution's events about calls of ours: ring the agent offered the call, stop ringing one withdrawn. */
    void on(AcdEvent event) {
        if (event instanceof AcdEvent.Offered offered) {
            onCall(offered.interactionId(), event, call -> b2bua.legs().ringAgent(call, offered.agent()));
            // Offered a call that has just ended: the agent is let go at once rather than rung for nothing.
            b2bua.stale().releaseAgentOf(offered.interactionId());
        } else if (event instanceof AcdEvent.Declined declined) {
            onCall(declined.interactionId(), event, call -> b2bua.legs().stopRinging(call, declined.agent()));
        } else if (event instanceof AcdEvent.Withdrawn withdrawn) {
            onCall(withdrawn.interactionId(), event, call -> b2bua.legs().stopRinging(call, withdrawn.agent()));
        } else if (event instanceof AcdEvent.Dropped dropped) {
            onCall(dropped.interactionId(), event, call -> leaveTheLine(call, "dropped by a supervisor"));
        } else if (event instanceof AcdEvent.Overflowed overflowed
                && overflowed.action() == MaxWait.Action.CALLBACK) {
            onCall(overflowed.interactionId(), event, b2bua.flowCalls()::goodbyeUntilCallback);
        } else if (event instanceof AcdEvent.Overflowed overflowed
                && overflowed.action() == MaxWait.Action.MESSAGE) {
            onCall(overflowed.interactionId(), event, b2bua.flowCalls()::messageAfterWaiting);
        }
    }

    private void onCall(String interactionId, AcdEvent event, Consumer<VoiceCall> action) {
        VoiceCall call = calls.byInteraction(interactionId);
        if (call != null) {
            b2bua.onLane(call, () -> {
                call.history.note(event.getClass().getSimpleName(), System.nanoTime());
                action.accept(call);
            });
        }
    }

    private void leaveTheLine(VoiceCall call, String why) {
        LOG.info("Call {} leaves the line: {}", call.id, why);
        b2bua.end(call, Teardown.Cause.APPLIANCE);
    }
}
