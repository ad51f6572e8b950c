package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Optional;

import javax.sip.ClientTransaction;

import org.junit.Test;

public class CallTableTest {

    private final CallTable table = new CallTable();

    private static VoiceCall call(String id) {
        return new VoiceCall(id, "caller-" + id, "caller-" + id, "79161234567", "500", null, null, Instant.EPOCH);
    }

    /** A call of distribution ringing at the phone at {@code extension}. */
    private VoiceCall ringing(String id, String extension) {
        VoiceCall call = call(id);
        call.agentExtension = extension;
        call.agentCallId = "agent-" + id;
        call.to(VoiceCall.State.RINGING_AGENT);
        table.add(call);
        table.addLeg(call.callerCallId, call);
        table.addLeg(call.agentCallId, call);
        return call;
    }

    @Test
    public void aCallIsFoundByItsInteractionAndByEachOfItsLegs() {
        VoiceCall call = ringing("i1", "2001");
        assertSame(call, table.byInteraction("i1"));
        assertSame(call, table.byLeg("caller-i1"));
        assertSame(call, table.byLeg("agent-i1"));
        assertNull(table.byLeg("other"));
        assertEquals(1, table.count());
        assertTrue(table.all().contains(call));
    }

    @Test
    public void removingACallForgetsItsLegsAndNotesThatItEnded() {
        VoiceCall call = ringing("i1", "2001");
        assertFalse(table.endedRecently("i1"));
        table.remove(call);
        assertNull(table.byInteraction("i1"));
        assertNull(table.byLeg("caller-i1"));
        assertNull(table.byLeg("agent-i1"));
        assertEquals(0, table.count());
        assertTrue("the audit knows it ended", table.endedRecently("i1"));
    }

    @Test
    public void removingACallLeavesEntriesThatAreNotItsOwn() {
        VoiceCall first = ringing("i1", "2001");
        VoiceCall callback = call("i1");
        table.add(callback);
        table.addLeg("agent-i1", callback);
        table.remove(first);
        assertSame("a callback for the same interaction keeps its entry", callback, table.byInteraction("i1"));
        assertSame(callback, table.byLeg("agent-i1"));
        assertNull(table.byLeg("caller-i1"));
        assertFalse("the interaction goes on, so it did not end", table.endedRecently("i1"));
    }

    @Test
    public void removingTheInteractionOnlyKeepsTheLegsForTheirLastMessages() {
        VoiceCall call = ringing("i1", "2001");
        table.removeInteraction(call);
        assertNull(table.byInteraction("i1"));
        assertSame(call, table.byLeg("caller-i1"));
        assertTrue(table.endedRecently("i1"));
        table.removeLeg("caller-i1");
        assertNull(table.byLeg("caller-i1"));
        assertSame(call, table.byLeg("agent-i1"));
    }

    @Test
    public void endedCallsAreForgottenOnceOldEnough() {
        VoiceCall call = ringing("i1", "2001");
        long before = System.nanoTime();
        table.remove(call);
        table.forgetEndedBefore(before);
        assertTrue("ended after the cut-off", table.endedRecently("i1"));
        table.forgetEndedBefore(System.nanoTime() + 1);
        assertFalse(table.endedRecently("i1"));
    }

    @Test
    public void aMessageOnALegShowsItsCallIsAlive() {
        VoiceCall call = ringing("i1", "2001");
        call.lastSignalNanos = 0;
        long before = System.nanoTime();
        table.signalled("agent-i1");
        assertTrue(call.lastSignalNanos >= before);
        table.signalled("unknown");
    }

    @Test
    public void aRenewedCallGoesOnUnderANewInteractionWithItsLegs() {
        VoiceCall call = ringing("i1", "2001");
        String previous = table.renew(call);
        assertEquals("i1", previous);
        assertNotEquals("i1", call.id);
        assertNull(table.byInteraction("i1"));
        assertSame(call, table.byInteraction(call.id));
        assertSame(call, table.byLeg("caller-i1"));
        assertEquals(1, table.count());
    }

    @Test
    public void anInviteToCancelIsTakenOnce() {
        ClientTransaction invite = new SipFixture.Provider().transaction(SipFixture.register("2001"));
        table.cancelOnProvisional("agent-i1", invite);
        assertSame(invite, table.takeCancel("agent-i1"));
        assertNull("CANCEL is sent once", table.takeCancel("agent-i1"));
        assertNull(table.takeCancel("other"));
    }

    @Test
    public void theCallRingingAtAPhoneIsOneOfDistribution() {
        VoiceCall call = ringing("i1", "2001");
        assertEquals(Optional.of(call), table.ringingAt("2001"));
        assertEquals(Optional.empty(), table.ringingAt("2002"));
        call.to(VoiceCall.State.TALKING);
        assertEquals("answered: no longer ringing", Optional.empty(), table.ringingAt("2001"));
    }

    @Test
    public void internalCallsCallsTransferredOutAndCallbacksAreNotPickedUp() {
        VoiceCall internal = ringing("i1", "2001");
        internal.internal = true;
        assertEquals(Optional.empty(), table.ringingAt("2001"));

        VoiceCall outside = ringing("i2", "2002");
        outside.outsideDistribution = true;
        assertEquals(Optional.empty(), table.ringingAt("2002"));

        VoiceCall callback = new VoiceCall("i3", "79161234567", "500", null);
        callback.agentExtension = "2003";
        callback.to(VoiceCall.State.RINGING_AGENT);
        table.add(callback);
        assertEquals("the agent's phone rings first for a callback", Optional.empty(), table.ringingAt("2003"));
    }

    @Test
    public void theCallAnAgentTalksInIsFoundForAConsultation() {
        VoiceCall call = ringing("i1", "2001");
        assertEquals("still ringing", Optional.empty(), table.consultedCall("2001"));
        call.to(VoiceCall.State.TALKING);
        assertEquals(Optional.of(call), table.consultedCall("2001"));
        assertEquals(Optional.empty(), table.consultedCall("2002"));
        call.internal = true;
        assertEquals("a call between phones is no customer's call", Optional.empty(), table.consultedCall("2001"));
    }
}
