package org.switchboard.sip.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.Test;
import org.switchboard.sip.internal.VoiceCall.State;

/** The transitions a call may make: every state can end, an ended call stays ended, and each state is reachable. */
public class CallStatesTest {

    @Test
    public void everyStateButEndedCanEndAndEndedIsFinal() {
        for (State state : State.values()) {
            assertTrue(state + " -> ENDED", state == State.ENDED || state.leadsTo(State.ENDED));
            assertFalse("ENDED -> " + state, State.ENDED.leadsTo(state));
            assertFalse(state + " -> itself is no transition", state.leadsTo(state));
        }
    }

    @Test
    public void everyStateIsReachedFromACallJustAnswered() {
        Set<State> reached = EnumSet.of(State.FLOW);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (State from : EnumSet.copyOf(reached)) {
                for (State to : State.values()) {
                    grew |= from.leadsTo(to) && reached.add(to);
                }
            }
        }
        assertTrue(reached.toString(), reached.containsAll(EnumSet.allOf(State.class)));
    }

    @Test
    public void aCallbackDialsTheCustomerOnlyOnceItsAgentAnswered() {
        for (State state : State.values()) {
            assertTrue(state + " -> DIALING_CUSTOMER",
                    state.leadsTo(State.DIALING_CUSTOMER) == (state == State.RINGING_AGENT));
        }
    }

    @Test
    public void aTransitionOutsideTheTableLeavesAnEndedCallEnded() {
        VoiceCall call = new VoiceCall("i", "l", "c", "79161234567", "500", null, null, java.time.Instant.EPOCH);
        call.to(State.QUEUED);
        call.to(State.ENDED);
        call.to(State.TALKING);
        assertTrue(call.state() == State.ENDED);
        assertTrue(call.history.toString(), call.history.toString().contains("QUEUED -> ENDED"));
    }
}
