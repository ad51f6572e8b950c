package org.switchboard.sip.internal;

import java.net.InetSocketAddress;

import org.switchboard.api.media.Codec;

/**
 * What a party's SDP says about its audio: where to send it, the codec chosen from its list, its
 * telephone-event payload type (-1: none) and whether it is putting the call on hold.
 */
record SessionOffer(InetSocketAddress address, Codec codec, int telephoneEventType, Direction direction) {

    /** The SDP direction attribute (RFC 3264 §5.1), as seen by the party that sent it. */
    enum Direction {
        SENDRECV, SENDONLY, RECVONLY, INACTIVE;

        /** True when the party stops listening to us: it put the call on hold. */
        boolean onHold() {
            return this == SENDONLY || this == INACTIVE;
        }

        /** The direction to answer with: the mirror of the offer. */
        Direction answer() {
            return switch (this) {
                case SENDONLY -> RECVONLY;
                case RECVONLY -> SENDONLY;
                default -> this;
            };
        }
    }
}
