package org.switchboard.sip.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sip.address.SipURI;

/**
 * Where a new call goes, from the number it dialed: a parked call's slot, a pickup of the call ringing at an
 * extension, an entry point's flow, a registered phone, a number outside through the trunk, or nowhere (and why).
 * It only decides; the B2BUA acts on the answer.
 */
final class InviteRouter {

    /** Where a new call goes. */
    sealed interface Destination {
    }

    /** The slot of a parked call: the caller takes that call. */
    record ParkSlot(VoiceCall parked) implements Destination {
    }

    /** The pickup code and an extension: the caller answers the call ringing there. */
    record Pickup(String extension, VoiceCall ringing) implements Destination {
    }

    /** The pickup code and an extension at which no call rings. */
    record NothingToPickUp(String extension) implements Destination {
    }

    /** An entry point: its flow answers the call. */
    record EntryPoint(String number) implements Destination {
    }

    /** A phone's extension: that phone rings. */
    record Extension(String number, SipURI contact) implements Destination {
    }

    /** An extension with an account but no phone registered now. */
    record NoPhone(String number) implements Destination {
    }

    /** A number dialed out through the trunk. */
    record Outside(String number) implements Destination {
    }

    /** Nothing the appliance knows: {@code why} says so. */
    record Nowhere(String why) implements Destination {
    }

    private final String pickupPrefix;
    private final Function<String, VoiceCall> parkedAt;
    private final Function<String, Optional<VoiceCall>> ringingAt;
    private final Predicate<String> entryPoints;
    private final Function<String, Optional<SipURI>> registeredPhone;
    private final Predicate<String> hasAccount;
    private final Predicate<String> dialsOut;

    InviteRouter(String pickupPrefix, Function<String, VoiceCall> parkedAt,
            Function<String, Optional<VoiceCall>> ringingAt, Predicate<String> entryPoints,
            Function<String, Optional<SipURI>> registeredPhone, Predicate<String> hasAccount,
            Predicate<String> dialsOut) {
        this.pickupPrefix = pickupPrefix;
        this.parkedAt = parkedAt;
        this.ringingAt = ringingAt;
        this.entryPoints = entryPoints;
        this.registeredPhone = registeredPhone;
        this.hasAccount = hasAccount;
        this.dialsOut = dialsOut;
    }

    /** Where a call to {@code dialed} (the user part of its request URI, or null) goes. */
    Destination route(String dialed) {
        if (dialed == null || dialed.isEmpty()) {
            return new Nowhere("no user part");
        }
        VoiceCall parked = parkedAt.apply(dialed);
        if (parked != null) {
            return new ParkSlot(parked);
        }
        if (dialed.startsWith(pickupPrefix) && dialed.length() > pickupPrefix.length()) {
            String extension = dialed.substring(pickupPrefix.length());
            return ringingAt.apply(extension).<Destination>map(call -> new Pickup(extension, call))
                    .orElse(new NothingToPickUp(extension));
        }
        if (entryPoints.test(dialed)) {
            return new EntryPoint(dialed);
        }
        Optional<SipURI> phone = registeredPhone.apply(dialed);
        if (phone.isPresent()) {
            return new Extension(dialed, phone.get());
        }
        if (hasAccount.test(dialed)) {
            return new NoPhone(dialed);
        }
        if (dialsOut.test(dialed)) {
            return new Outside(dialed);
        }
        return new Nowhere("'" + dialed + "' is no entry point, extension or number to dial out");
    }
}
