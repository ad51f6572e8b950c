package org.switchboard.media.internal;

/** Counts received packets, losses by sequence number, and interarrival jitter as in RFC 3550 §6.4.1 and A.8. */
final class ReceptionStatistics {

    private long received;
    private long firstSequence = -1;
    private long highestSequence;
    private long lastTransit;
    private double jitter;

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
