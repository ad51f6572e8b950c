package org.switchboard.sip.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * What ending a call releases, by where the call stands and who ends it: the one table every hang-up follows, so
 * that a call ended from any state lets go of all it holds (the other parties, its place in line or its agent, its
 * park slot). What every call holds whatever its state (media ports, recording, timers, supervisor and consultation
 * legs) is released by {@link B2bua#finish} after these steps.
 */
final class Teardown {

    /** Who ends the call. */
    enum Cause {
        /** The caller's BYE or CANCEL (for a callback, the customer's leg). */
        CALLER_HUNG_UP,
        /** A BYE from the phone or number on the agent leg. */
        AGENT_HUNG_UP,
        /** The appliance: a flow's or a queue's end, a supervisor's drop, the audit, the endpoint stopping. */
        APPLIANCE
    }

    /** One thing to let go of, in the order they are done. */
    enum Step {
        /** The caller gets a BYE, or a final answer when not answered yet. */
        END_CALLER,
        /** The phone being rung stops ringing (CANCEL). */
        CANCEL_AGENT,
        /** The agent leg in conversation gets a BYE. */
        BYE_AGENT,
        /** The customer being dialed for a callback stops ringing. */
        CANCEL_CUSTOMER,
        /** The park slot is free again. */
        LEAVE_PARKING,
        /** Distribution forgets a contact waiting or offered (the agent offered it is free again). */
        ABANDON,
        /** Distribution hears the conversation ended (the agent wraps up). */
        END_CONVERSATION
    }

    private Teardown() {
    }

    /** The steps that end a call in {@code state} for {@code cause}; {@code distributed}: distribution knows it. */
    static Set<Step> steps(VoiceCall.State state, Cause cause, boolean distributed) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        if (state == VoiceCall.State.ENDED) {
            return steps;
        }
        if (cause != Cause.CALLER_HUNG_UP && state != VoiceCall.State.DIALING_CUSTOMER) {
            steps.add(Step.END_CALLER);
        }
        switch (state) {
            case QUEUED -> steps.add(Step.ABANDON);
            case RINGING_AGENT -> {
                steps.add(Step.CANCEL_AGENT);
                if (distributed) {
                    steps.add(Step.ABANDON);
                }
            }
            case TALKING -> {
                if (cause != Cause.AGENT_HUNG_UP) {
                    steps.add(Step.BYE_AGENT);
                }
                if (distributed) {
                    steps.add(Step.END_CONVERSATION);
                }
            }
            case PARKED -> steps.add(Step.LEAVE_PARKING);
            case DIALING_CUSTOMER -> {
                // A callback: the agent answered and the customer is being dialed; the customer cannot hang up yet.
                steps.add(Step.CANCEL_CUSTOMER);
                if (cause != Cause.AGENT_HUNG_UP) {
                    steps.add(Step.BYE_AGENT);
                }
                steps.add(Step.END_CONVERSATION);
            }
            default -> {
                // FLOW: the caller alone, handled above
            }
        }
        return steps;
    }
}
