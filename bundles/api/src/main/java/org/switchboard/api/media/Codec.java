package org.switchboard.api.media;

import java.util.Optional;

/** The audio codecs the media engine speaks, with their static RTP payload types (RFC 3551). */
public enum Codec {
    PCMU(0),
    PCMA(8);

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The codec of a static payload type, or empty for one we do not speak. */
    public static Optional<Codec> ofPayloadType(int payloadType) {
        for (Codec codec : values()) {
            if (codec.payloadType == payloadType) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }
}
