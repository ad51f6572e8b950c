package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

import org.switchboard.api.media.MediaLeg;

/** The trunks configured now as calls use them: which numbers go out, through which trunk, and with what INVITE. */
final class OutsideLines {

    /** What may be dialed through the trunk: a telephone number. */
    private static final Pattern EXTERNAL_NUMBER = Pattern.compile("\\+?[0-9]{2,32}");

    private final Supplier<List<Trunk>> trunks;
    /** Whether a user is an extension (then it is not dialed out). */
    private final Predicate<String> extension;
    private final SipProvider provider;
    private final SipMessages messages;

    OutsideLines(Supplier<List<Trunk>> trunks, Predicate<String> extension, SipProvider provider,
            SipMessages messages) {
        this.trunks = trunks;
        this.extension = extension;
        this.provider = provider;
        this.messages = messages;
    }

    /** The trunk external numbers are dialed through: the first configured. */
    Optional<Trunk> outbound() {
        return trunks.get().stream().findFirst();
    }

    /** Whether {@code dialed} is a number to dial through the trunk: there is one, and it is no extension. */
    boolean dialsOut(String dialed) {
        return dialed != null && EXTERNAL_NUMBER.matcher(dialed).matches() && !extension.test(dialed)
                && outbound().isPresent();
    }

    /**
     * The number a caller dialed: the Request-URI's user, except for a call from a trunk we register with, which
     * sends it to our registered contact and names the number dialed in To.
     */
    String dialedNumber(Request request) {
        String user = SipMessages.user(request.getRequestURI());
        String to = SipMessages.user(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        for (Trunk trunk : trunks.get()) {
            if (trunk.register() && trunk.username().equals(user) && to != null) {
                return to;
            }
        }
        return user;
    }

    /** An INVITE to {@code number} through {@code trunk}, offering {@code leg}. */
    Request invite(Trunk trunk, String number, MediaLeg leg) throws ParseException {
        SipURI target = messages.addresses.createSipURI(number, trunk.host() + ":" + trunk.port());
        if (!"udp".equalsIgnoreCase(trunk.transport())) {
            target.setTransportParam(trunk.transport());
        }
        String from = trunk.callerNumber().isEmpty() ? "switchboard" : trunk.callerNumber();
        Request invite = messages.invite(provider, target, from, null, number, trunk.transport());
        // As the provider knows us: our number at its domain.
        ((SipURI) ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI()).setHost(trunk.host());
        messages.body(invite, "application/sdp", Sdp.offer(leg.local()));
        return invite;
    }
}
