package org.switchboard.sip.internal;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.voicemail.Voicemail;

/**
 * Where the messages callers leave go: to the voicemail store the active gateway is bound to. The B2BUA
 * makes the calls' sessions without knowing the store, so the gateway hands its delivery here while active.
 */
final class Mailboxes {

    private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);
    private static volatile Consumer<Voicemail> delivery;

    private Mailboxes() {
    }

    /** Messages from now on go to {@code to} (null: nowhere, the gateway has stopped). */
    static void deliverTo(Consumer<Voicemail> to) {
        delivery = to;
    }

    static void deliver(Voicemail message) {
        Consumer<Voicemail> to = delivery;
        if (to == null) {
            LOG.warn("Message {} for {} is not kept: the SIP endpoint is stopping ({})", message.id(),
                    message.mailbox(), message.file());
            return;
        }
        to.accept(message);
    }
}
