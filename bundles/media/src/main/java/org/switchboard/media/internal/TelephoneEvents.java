package org.switchboard.media.internal;

import java.nio.ByteBuffer;

/**
 * Reads DTMF from RFC 4733 telephone-event payloads. A key press is sent as several packets with the same
 * RTP timestamp (and its end three times), so a digit is reported once, at the first packet of its event.
 */
final class TelephoneEvents {

    private static final String DIGITS = "0123456789*#ABCD";

    private long lastEventTimestamp = -1;

    /** The digit this packet starts, or 0 when it continues an event already reported or is not a digit. */
    char digit(ByteBuffer payload, int offset, int length, long timestamp) {
        if (length < 4 || timestamp == lastEventTimestamp) {
            return 0;
        }
        int event = payload.get(offset) & 0xff;
        if (event >= DIGITS.length()) {
            return 0;
        }
        lastEventTimestamp = timestamp;
        return DIGITS.charAt(event);
    }

    static boolean isDigit(char c) {
        return DIGITS.indexOf(Character.toUpperCase(c)) >= 0;
    }
}
