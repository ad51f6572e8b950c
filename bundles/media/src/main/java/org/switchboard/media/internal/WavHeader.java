package org.switchboard.media.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The 44-byte header of a 16-bit PCM WAV at 8 kHz, for the writers that fill in its sizes on close. */
final class WavHeader {

    static final int SAMPLE_RATE = 8000;
    static final int LENGTH = 44;

    private WavHeader() {
    }

    static ByteBuffer of(int channels, long dataBytes) {
        int blockAlign = 2 * channels;
        ByteBuffer header = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
        header.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * blockAlign).putShort((short) blockAlign).putShort((short) 16);
        header.putInt(0x61746164).putInt((int) dataBytes);
        return header.flip();
    }
}
