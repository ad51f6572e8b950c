package org.switchboard.sip.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.ClientTransaction;

/** The calls in progress, found by the Call-ID of any of their legs or by their interaction. */
final class CallTable {

    private final Map<String, VoiceCall> bySipCallId = new ConcurrentHashMap<>();
    private final Map<String, VoiceCall> byInteraction = new ConcurrentHashMap<>();
    /** INVITEs given up before a provisional response: CANCEL may only follow one (RFC 3261 §9.1). */
    private final Map<String, ClientTransaction> cancelOnProvisional = new ConcurrentHashMap<>();
    /** The interactions of calls that ended lately, with when (System.nanoTime()): for the audit's check. */
    private final Map<String, Long> ended = new ConcurrentHashMap<>();

    /** The call one of whose legs has {@code sipCallId}, or null. */
    VoiceCall byLeg(String sipCallId) {
        return bySipCallId.get(sipCallId);
    }

    /** The call of interaction {@code id}, or null. */
    VoiceCall byInteraction(String id) {
        return byInteraction.get(id);
    }

    Collection<VoiceCall> all() {
        return byInteraction.values();
    }

    int count() {
        return byInteraction.size();
    }

    void add(VoiceCall call) {
        byInteraction.put(call.id, call);
    }

    void addLeg(String sipCallId, VoiceCall call) {
        bySipCallId.put(sipCallId, call);
    }

    void removeLeg(String sipCallId) {
        bySipCallId.remove(sipCallId);
    }

    /** Forgets a call in conversation with both its legs, leaving entries that are not its own. */
    void remove(VoiceCall call) {
        removeInteraction(call);
        bySipCallId.remove(call.callerCallId, call);
        bySipCallId.remove(call.agentCallId, call);
    }

    /** Only this call's entry: a callback placed for the same interaction may already have its own. */
    void removeInteraction(VoiceCall call) {
        if (byInteraction.remove(call.id, call)) {
            ended.put(call.id, System.nanoTime());
        }
    }

    /** Whether a call of interaction {@code id} ended lately. */
    boolean endedRecently(String id) {
        return ended.containsKey(id);
    }

    /** Forgets the calls that ended before {@code nanos}. */
    void forgetEndedBefore(long nanos) {
        ended.values().removeIf(at -> at < nanos);
    }

    /** A SIP message of leg {@code sipCallId} came: its call, if any, is alive. */
    void signalled(String sipCallId) {
        VoiceCall call = bySipCallId.get(sipCallId);
        if (call != null) {
            call.lastSignalNanos = System.nanoTime();
        }
    }

    /** The call goes on as a new interaction (a transfer, a call taken from park); returns the id it had. */
    String renew(VoiceCall call) {
        String previous = call.id;
        byInteraction.remove(call.id);
        call.id = UUID.randomUUID().toString();
        byInteraction.put(call.id, call);
        return previous;
    }

    /** Cancels {@code invite} when its first provisional response arrives. */
    void cancelOnProvisional(String sipCallId, ClientTransaction invite) {
        cancelOnProvisional.put(sipCallId, invite);
    }

    /** The INVITE waiting to be cancelled on leg {@code sipCallId}, which no longer waits; or null. */
    ClientTransaction takeCancel(String sipCallId) {
        return cancelOnProvisional.remove(sipCallId);
    }

    /** The call of distribution ringing at the phone at {@code extension}, if any. */
    Optional<VoiceCall> ringingAt(String extension) {
        for (VoiceCall call : byInteraction.values()) {
            if (extension.equals(call.agentExtension) && call.state() == VoiceCall.State.RINGING_AGENT
                    && call.distributed() && !call.outbound) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    /** The call in conversation with the phone at {@code extension} as its agent, if any. */
    Optional<VoiceCall> consultedCall(String extension) {
        for (VoiceCall call : byInteraction.values()) {
            if (extension.equals(call.agentExtension) && call.state() == VoiceCall.State.TALKING && !call.internal) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }
}
