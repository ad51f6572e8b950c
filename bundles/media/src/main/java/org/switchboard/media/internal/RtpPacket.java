package org.switchboard.media.internal;

import java.nio.ByteBuffer;

/** Reads the fixed RTP header (RFC 3550 §5.1) of a received packet in place; the payload follows it. */
final class RtpPacket {

    static final int HEADER = 12;

    private RtpPacket() {
    }

    /** True when the buffer holds an RTP version 2 packet with a whole header. */
    static boolean valid(ByteBuffer packet) {
        return packet.remaining() >= HEADER && (packet.get(packet.position()) & 0xc0) == 0x80;
    }

    static int payloadType(ByteBuffer packet) {
        return packet.get(packet.position() + 1) & 0x7f;
    }

    static boolean marker(ByteBuffer packet) {
        return (packet.get(packet.position() + 1) & 0x80) != 0;
    }

    static int sequence(ByteBuffer packet) {
        return packet.getShort(packet.position() + 2) & 0xffff;
    }

    static long timestamp(ByteBuffer packet) {
        return packet.getInt(packet.position() + 4) & 0xffffffffL;
    }

    static int ssrc(ByteBuffer packet) {
        return packet.getInt(packet.position() + 8);
    }

    /** Where the payload starts: after the header, the CSRC list and any header extension. */
    static int payloadOffset(ByteBuffer packet) {
        int first = packet.get(packet.position()) & 0xff;
        int offset = HEADER + 4 * (first & 0x0f);
        if ((first & 0x10) != 0 && packet.remaining() >= offset + 4) {
            offset += 4 + 4 * (packet.getShort(packet.position() + offset + 2) & 0xffff);
        }
        return offset;
    }

    /** The payload's length without the padding RFC 3550 allows at the end. */
    static int payloadLength(ByteBuffer packet) {
        int length = packet.remaining() - payloadOffset(packet);
        if ((packet.get(packet.position()) & 0x20) != 0 && length > 0) {
            length -= packet.get(packet.limit() - 1) & 0xff;
        }
        return Math.max(0, length);
    }

    /** Writes a header without CSRCs at the start of {@code out}. */
    static void writeHeader(ByteBuffer out, int payloadType, boolean marker, int sequence, long timestamp, int ssrc) {
        out.put(0, (byte) 0x80);
        out.put(1, (byte) ((marker ? 0x80 : 0) | payloadType));
        out.putShort(2, (short) sequence);
        out.putInt(4, (int) timestamp);
        out.putInt(8, ssrc);
    }
}
