package org.switchboard.media.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads RTCP compound packets (RFC 3550 §6): a sender or receiver report with at most one report
 * block (a leg hears one source), the CNAME description every compound packet carries, and BYE.
 */
final class RtcpPackets {

    static final int SR = 200;
    static final int RR = 201;
    static final int SDES = 202;
    static final int BYE = 203;
    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    private static final long NTP_OFFSET = 2_208_988_800L;

    private RtcpPackets() {
    }

    /** What a sender report says of its sender: when (NTP), at which RTP timestamp, and how much it sent. */
    record SenderInfo(long ntp, long rtpTimestamp, long packets, long octets) {
    }

    /** A report block (§6.4.1) about source {@code ssrc}. */
    record Block(int ssrc, int fractionLost, int cumulativeLost, long highestSequence, long jitter, long lastSenderReport,
            long delaySinceLastSenderReport) {
    }

    /** What arrived in one compound packet: the sender's SSRC, its sender info if it sent a report as sender, blocks. */
    record Received(int ssrc, SenderInfo sender, List<Block> blocks, boolean bye) {
    }

    /** The 64-bit NTP timestamp of a wall-clock time: Unix seconds, and nanoseconds within the second. */
    static long ntp(long epochSecond, int nanos) {
        return ((epochSecond + NTP_OFFSET) << 32) | (((long) nanos << 32) / 1_000_000_000L);
    }

    /** The middle 32 bits of an NTP timestamp, as LSR and round-trip arithmetic use them (units of 1/65536 s). */
    static long middle(long ntp) {
        return (ntp >>> 16) & 0xffffffffL;
    }

    /** Writes a compound packet: SR (with {@code sender}) or RR, the block if any, SDES CNAME, then BYE if asked. */
    static void write(ByteBuffer out, int ssrc, SenderInfo sender, Block block, String cname, boolean bye) {
        int blocks = block == null ? 0 : 1;
        int start = out.position();
        out.put((byte) (0x80 | blocks)).put((byte) (sender != null ? SR : RR)).putShort((short) 0).putInt(ssrc);
        if (sender != null) {
            out.putLong(sender.ntp()).putInt((int) sender.rtpTimestamp()).putInt((int) sender.packets())
                    .putInt((int) sender.octets());
        }
        if (block != null) {
            out.putInt(block.ssrc())
                    .putInt((block.fractionLost() & 0xff) << 24 | (block.cumulativeLost() & 0xffffff))
                    .putInt((int) block.highestSequence()).putInt((int) block.jitter())
                    .putInt((int) block.lastSenderReport()).putInt((int) block.delaySinceLastSenderReport());
        }
        length(out, start);

        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        start = out.position();
        out.put((byte) 0x81).put((byte) SDES).putShort((short) 0).putInt(ssrc);
        out.put((byte) 1).put((byte) Math.min(255, name.length)).put(name, 0, Math.min(255, name.length)).put((byte) 0);
        while ((out.position() - start) % 4 != 0) {
            out.put((byte) 0); // the item list ends with a null octet and pads to a 32-bit boundary
        }
        length(out, start);

        if (bye) {
            start = out.position();
            out.put((byte) 0x81).put((byte) BYE).putShort((short) 0).putInt(ssrc);
            length(out, start);
        }
    }

    /** Sets a packet's length field: its size in 32-bit words minus one. */
    private static void length(ByteBuffer out, int start) {
        out.putShort(start + 2, (short) ((out.position() - start) / 4 - 1));
    }

    /** Reads a compound packet; null when it is no valid RTCP (version, lengths, first packet SR or RR). */
    static Received read(ByteBuffer in) {
        int ssrc = 0;
        SenderInfo sender = null;
        List<Block> blocks = new ArrayList<>();
        boolean first = true;
        boolean bye = false;
        while (in.remaining() >= 4) {
            int at = in.position();
            int head = in.get(at) & 0xff;
            int type = in.get(at + 1) & 0xff;
            int bytes = 4 * ((in.getShort(at + 2) & 0xffff) + 1);
            if ((head & 0xc0) != 0x80 || bytes > in.remaining() || (first && type != SR && type != RR)) {
                return null;
            }
            int count = head & 0x1f;
            if (type == SR || type == RR) {
                ssrc = in.getInt(at + 4);
                int blockAt = at + 8;
                if (type == SR) {
                    if (bytes < 28) {
                        return null;
                    }
                    sender = new SenderInfo(in.getLong(at + 8), in.getInt(at + 16) & 0xffffffffL,
                            in.getInt(at + 20) & 0xffffffffL, in.getInt(at + 24) & 0xffffffffL);
                    blockAt = at + 28;
                }
                for (int i = 0; i < count && blockAt + 24 <= at + bytes; i++, blockAt += 24) {
                    int lost = in.getInt(blockAt + 4);
                    int cumulative = lost & 0xffffff;
                    blocks.add(new Block(in.getInt(blockAt), lost >>> 24 & 0xff,
                            (cumulative & 0x800000) != 0 ? cumulative - 0x1000000 : cumulative,
                            in.getInt(blockAt + 8) & 0xffffffffL, in.getInt(blockAt + 12) & 0xffffffffL,
                            in.getInt(blockAt + 16) & 0xffffffffL, in.getInt(blockAt + 20) & 0xffffffffL));
                }
            } else if (type == BYE) {
                bye = true;
            }
            first = false;
            in.position(at + bytes);
        }
        return first ? null : new Received(ssrc, sender, blocks, bye);
    }
}
