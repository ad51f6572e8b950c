package org.switchboard.media.internal;

/** Counts received packets, losses by sequence number, and interarrival jitter as in RFC 3550 §6.4.1 and A.8. */
final class ReceptionStatistics {

    private long received;
    private long firstSequence = -1;
    private long highestSequence;
    private long lastTransit;
    private double jitter;
    private int source;
    private long expectedPrior;
    private long receivedPrior;
    private long lastSenderReport;
    private long lastSenderReportArrival;

    /** {@code arrival} in timestamp units (samples). Called on the receiving thread only. */
    void packet(int sequence, long timestamp, long arrival) {
        received++;
        if (firstSequence < 0) {
            firstSequence = sequence;
            highestSequence = sequence;
        } else {
            long extended = extend(sequence);
            if (extended > highestSequence) {
                highestSequence = extended;
            }
        }
        long transit = arrival - timestamp;
        if (received > 1) {
            jitter += (Math.abs(transit - lastTransit) - jitter) / 16.0;
        }
        lastTransit = transit;
    }

    /** The SSRC of the source heard (RFC 3550 §5.1). */
    void source(int ssrc) {
        source = ssrc;
    }

    /** A sender report from the source arrived at {@code arrivalNanos}: its time goes back in our reports. */
    void senderReport(long ntp, long arrivalNanos) {
        lastSenderReport = RtcpPackets.middle(ntp);
        lastSenderReportArrival = arrivalNanos;
    }

    /**
     * The report block about the source as of {@code nowNanos} (RFC 3550 §6.4.1 and A.3): the fraction lost since
     * the previous block, all lost, the highest sequence, jitter, and the last sender report with the delay since
     * it. Null before any packet.
     */
    RtcpPackets.Block block(long nowNanos) {
        if (firstSequence < 0) {
            return null;
        }
        long expected = highestSequence - firstSequence + 1;
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        int cumulative = (int) Math.max(-0x800000, Math.min(0x7fffff, expected - received));
        long delay = lastSenderReport == 0 ? 0 : (nowNanos - lastSenderReportArrival) * 65_536 / 1_000_000_000L;
        return new RtcpPackets.Block(source, fraction, cumulative, highestSequence & 0xffffffffL, (long) jitter,
                lastSenderReport, delay);
    }

    /** The 16-bit sequence number unwrapped near the highest one seen. */
    private long extend(int sequence) {
        long candidate = (highestSequence & ~0xffffL) | sequence;
        if (candidate < highestSequence - 0x8000) {
            candidate += 0x10000;
        } else if (candidate > highestSequence + 0x8000) {
            candidate -= 0x10000;
        }
        return candidate;
    }

    long received() {
        return received;
    }

    long lost() {
        return firstSequence < 0 ? 0 : Math.max(0, highestSequence - firstSequence + 1 - received);
    }

    /** Jitter in milliseconds at 8 kHz. */
    double jitterMillis() {
        return jitter / 8.0;
    }
}
