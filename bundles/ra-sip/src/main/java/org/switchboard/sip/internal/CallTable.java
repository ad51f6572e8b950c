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
        byInteraction.remove(call.id, call);
        bySipCallId.remove(call.callerCallId, call);
        bySipCallId.remove(call.agentCallId, call);
    }

    /** Only this call's entry: a callback placed for the same interaction may already have its own. */
    void removeInteraction(VoiceCall call) {
        byInteraction.remove(call.id, call);
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
            if (extension.equals(call.agentExtension) && call.state == VoiceCall.State.RINGING_AGENT
                    && call.distributed() && !call.outbound) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    /** The call in conversation with the phone at {@code extension} as its agent, if any. */
    Optional<VoiceCall> consultedCall(String extension) {
        for (VoiceCall call : byInteraction.values()) {
            if (extension.equals(call.agentExtension) && call.state == VoiceCall.State.TALKING && !call.internal) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }
}
