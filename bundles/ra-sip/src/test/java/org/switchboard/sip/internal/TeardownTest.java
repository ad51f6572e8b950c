package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.Test;
import org.switchboard.sip.internal.Teardown.Cause;
import org.switchboard.sip.internal.Teardown.Step;
import org.switchboard.sip.internal.VoiceCall.State;

/** Ending a call from every state, for every cause: everything the call holds there is let go, and nothing twice. */
public class TeardownTest {

    @Test
    public void everyStateAndCauseHasItsSteps() {
        for (State state : State.values()) {
            for (Cause cause : Cause.values()) {
                for (boolean distributed : new boolean[] {true, false}) {
                    Set<Step> steps = Teardown.steps(state, cause, distributed);
                    String where = state + " ended by " + cause + (distributed ? " in distribution" : "");
                    if (state == State.ENDED) {
                        assertEquals(where, Set.of(), steps);
                        continue;
                    }
                    assertTrue(where + ": " + steps, steps.containsAll(holds(state, distributed)));
                    if (cause == Cause.CALLER_HUNG_UP) {
                        assertFalse(where + ": the caller who hung up is not hung up on", steps.contains(Step.END_CALLER));
                    } else if (cause == Cause.AGENT_HUNG_UP) {
                        assertFalse(where + ": the agent who hung up is not hung up on", steps.contains(Step.BYE_AGENT));
                    }
                    assertFalse(where + ": the agent is released once", steps.contains(Step.ABANDON)
                            && steps.contains(Step.END_CONVERSATION));
                    assertFalse(where + ": a leg is cancelled or hung up, not both", steps.contains(Step.CANCEL_AGENT)
                            && steps.contains(Step.BYE_AGENT));
                }
            }
        }
    }

    @Test
    public void theApplianceEndingACallLetsGoOfEveryParty() {
        for (State state : EnumSet.complementOf(EnumSet.of(State.ENDED))) {
            Set<Step> steps = Teardown.steps(state, Cause.APPLIANCE, true);
            if (state != State.DIALING_CUSTOMER) {
                assertTrue(state + ": " + steps, steps.contains(Step.END_CALLER));
            }
            if (state == State.TALKING || state == State.DIALING_CUSTOMER) {
                assertTrue(state + ": " + steps, steps.contains(Step.BYE_AGENT));
            }
        }
    }

    @Test
    public void aCallerWhoHangsUpWhileQueuedLeavesTheLineAndNothingElse() {
        assertEquals(EnumSet.of(Step.ABANDON), Teardown.steps(State.QUEUED, Cause.CALLER_HUNG_UP, true));
    }

    @Test
    public void aCallerWhoHangsUpWhileAnAgentIsRungStopsTheRingingAndFreesTheAgent() {
        assertEquals(EnumSet.of(Step.CANCEL_AGENT, Step.ABANDON),
                Teardown.steps(State.RINGING_AGENT, Cause.CALLER_HUNG_UP, true));
    }

    @Test
    public void aCallBetweenTwoPhonesIsNoneOfDistributionsBusiness() {
        assertEquals(EnumSet.of(Step.CANCEL_AGENT), Teardown.steps(State.RINGING_AGENT, Cause.CALLER_HUNG_UP, false));
        assertEquals(EnumSet.of(Step.BYE_AGENT), Teardown.steps(State.TALKING, Cause.CALLER_HUNG_UP, false));
        assertEquals(EnumSet.of(Step.END_CALLER), Teardown.steps(State.TALKING, Cause.AGENT_HUNG_UP, false));
    }

    @Test
    public void anAgentWhoHangsUpEndsTheConversationAndTheCallerIsLetGo() {
        assertEquals(EnumSet.of(Step.END_CALLER, Step.END_CONVERSATION),
                Teardown.steps(State.TALKING, Cause.AGENT_HUNG_UP, true));
    }

    @Test
    public void anAgentWhoHangsUpWhileTheirCallbackDialsStopsTheDialing() {
        assertEquals(EnumSet.of(Step.CANCEL_CUSTOMER, Step.END_CONVERSATION),
                Teardown.steps(State.DIALING_CUSTOMER, Cause.AGENT_HUNG_UP, true));
    }

    @Test
    public void aParkedCallerWhoHangsUpFreesTheSlot() {
        assertEquals(EnumSet.of(Step.LEAVE_PARKING), Teardown.steps(State.PARKED, Cause.CALLER_HUNG_UP, false));
    }

    /** What a call holds in a state, beyond what every call holds. */
    private static Set<Step> holds(State state, boolean distributed) {
        return switch (state) {
            case QUEUED -> EnumSet.of(Step.ABANDON);
            case RINGING_AGENT -> distributed ? EnumSet.of(Step.CANCEL_AGENT, Step.ABANDON) : EnumSet.of(Step.CANCEL_AGENT);
            case TALKING -> distributed ? EnumSet.of(Step.END_CONVERSATION) : EnumSet.noneOf(Step.class);
            case PARKED -> EnumSet.of(Step.LEAVE_PARKING);
            case DIALING_CUSTOMER -> EnumSet.of(Step.CANCEL_CUSTOMER, Step.END_CONVERSATION);
            default -> EnumSet.noneOf(Step.class);
        };
    }
}
