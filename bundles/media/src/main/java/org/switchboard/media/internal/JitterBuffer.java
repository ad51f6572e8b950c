package org.switchboard.media.internal;

import java.util.Arrays;

/**
 * Puts received audio back on the sender's timeline: samples are written at their RTP timestamp and read
 * out at a steady pace a little behind, so packets that arrive late or out of order still land in place,
 * and a lost packet leaves silence of its own length. One writer thread and one reader thread.
 */
final class JitterBuffer {

    private final short[] ring;
    private final int delay;
    private boolean started;
    private long readAt;
    private long late;

    /** {@code capacity} and {@code delay} in samples. */
    JitterBuffer(int capacity, int delay) {
        this.ring = new short[capacity];
        this.delay = delay;
    }

    /** Places linear samples starting at RTP timestamp {@code timestamp}. */
    synchronized void write(long timestamp, short[] samples, int count) {
        if (!started) {
            readAt = timestamp - delay;
            started = true;
        }
        long offset = timestamp - readAt;
        if (offset < 0) {
            late++;
            return;
        }
        if (offset + count > ring.length) {
            // The sender jumped ahead (a new stream, a long pause): start again from here.
            Arrays.fill(ring, (short) 0);
            readAt = timestamp - delay;
        }
        for (int i = 0; i < count; i++) {
            ring[(int) Math.floorMod(timestamp + i, (long) ring.length)] = samples[i];
        }
    }

    /** Takes the next {@code count} samples in timeline order (silence where nothing arrived). */
    synchronized void read(short[] into, int count) {
        if (!started) {
            Arrays.fill(into, 0, count, (short) 0);
            return;
        }
        for (int i = 0; i < count; i++) {
            int at = (int) Math.floorMod(readAt + i, (long) ring.length);
            into[i] = ring[at];
            ring[at] = 0;
        }
        readAt += count;
    }

    /** Packets that came after their turn to be read had passed. */
    synchronized long late() {
        return late;
    }
}
