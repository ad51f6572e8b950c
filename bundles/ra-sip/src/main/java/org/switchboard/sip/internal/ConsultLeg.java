package org.switchboard.sip.internal;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;

import org.switchboard.api.media.MediaBridge;
import org.switchboard.api.media.MediaLeg;

/**
 * The third leg of a consultation asked for over call control: the agent talks to it while the customer holds.
 * Touched only on the call's lane.
 */
final class ConsultLeg {

    /** Who is consulted, as asked: an agent's login or a number. */
    final String target;
    /** The consulted phone's extension (null for a number). */
    final String extension;
    /** The number dialed through the trunk (null for a phone). */
    final String number;
    final MediaLeg media;
    Trunk trunk;
    boolean challenged;
    ClientTransaction invite;
    Dialog dialog;
    String callId;
    boolean provisional;
    /** Bridges the agent and the consulted party once answered. */
    MediaBridge bridge;

    ConsultLeg(String target, String extension, String number, MediaLeg media) {
        this.target = target;
        this.extension = extension;
        this.number = number;
        this.media = media;
    }

    boolean answered() {
        return bridge != null;
    }
}
