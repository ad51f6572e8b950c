package org.switchboard.sip.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Park slots (e.g. 701–720): a parked call waits in one until a phone dials its number. Phones park a call by
 * transferring it to the park extension (e.g. 700).
 */
final class ParkingLot {

    private final String extension;
    private final int first;
    private final int slots;
    private final Map<String, VoiceCall> parked = new ConcurrentHashMap<>();

    ParkingLot(String extension, int first, int slots) {
        this.extension = extension;
        this.first = first;
        this.slots = slots;
    }

    /** Puts a call in the lowest free slot; empty when every slot is taken. */
    synchronized Optional<String> park(VoiceCall call) {
        for (int slot = first; slot < first + slots; slot++) {
            String number = Integer.toString(slot);
            if (!parked.containsKey(number)) {
                parked.put(number, call);
                return Optional.of(number);
            }
        }
        return Optional.empty();
    }

    boolean isParkExtension(String user) {
        return extension.equals(user);
    }

    VoiceCall at(String slot) {
        return slot == null ? null : parked.get(slot);
    }

    /** Frees a slot if {@code call} is still in it. */
    boolean leave(String slot, VoiceCall call) {
        return slot != null && parked.remove(slot, call);
    }
}
