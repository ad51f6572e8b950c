package org.switchboard.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class JitterBufferTest {

    private static short[] frame(int value, int count) {
        short[] samples = new short[count];
        java.util.Arrays.fill(samples, (short) value);
        return samples;
    }

    @Test
    public void packetsOutOfOrderAreReadInTimelineOrderAfterTheDelay() {
        JitterBuffer buffer = new JitterBuffer(1000, 4);
        buffer.write(100, frame(1, 4), 4);
        buffer.write(108, frame(3, 4), 4);
        buffer.write(104, frame(2, 4), 4);
        short[] out = new short[16];
        buffer.read(out, 16);
        assertArrayEquals(new short[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, out);
    }

    @Test
    public void aLostPacketLeavesSilenceOfItsLengthAndALateOneIsCounted() {
        JitterBuffer buffer = new JitterBuffer(1000, 0);
        buffer.write(0, frame(5, 4), 4);
        buffer.write(8, frame(7, 4), 4);
        short[] out = new short[12];
        buffer.read(out, 12);
        assertArrayEquals(new short[] {5, 5, 5, 5, 0, 0, 0, 0, 7, 7, 7, 7}, out);
        buffer.write(4, frame(6, 4), 4);
        assertEquals(1, buffer.late());
    }

    @Test
    public void nothingWrittenReadsAsSilenceAndAJumpStartsAgain() {
        JitterBuffer buffer = new JitterBuffer(16, 0);
        short[] out = new short[4];
        buffer.read(out, 4);
        assertArrayEquals(new short[4], out);
        buffer.write(0, frame(1, 4), 4);
        buffer.write(1_000_000, frame(9, 4), 4);
        buffer.read(out, 4);
        assertArrayEquals(frame(9, 4), out);
    }
}
