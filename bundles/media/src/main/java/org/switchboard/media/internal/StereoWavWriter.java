package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a 16-bit stereo WAV at 8 kHz frame by frame; the header's sizes are filled in on close. */
final class StereoWavWriter implements AutoCloseable {

    static final int SAMPLE_RATE = 8000;
    private static final int HEADER = 44;

    private final FileChannel file;
    private final ByteBuffer frame;
    private long dataBytes;

    StereoWavWriter(Path path, int samplesPerFrame) throws IOException {
        Files.createDirectories(path.getParent());
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.frame = ByteBuffer.allocate(samplesPerFrame * 4).order(ByteOrder.LITTLE_ENDIAN);
        file.write(header(0));
    }

    /** Appends {@code count} samples of each channel. */
    void write(short[] left, short[] right, int count) throws IOException {
        frame.clear();
        for (int i = 0; i < count; i++) {
            frame.putShort(left[i]).putShort(right[i]);
        }
        frame.flip();
        dataBytes += frame.remaining();
        while (frame.hasRemaining()) {
            file.write(frame);
        }
    }

    @Override
    public void close() throws IOException {
        try (file) {
            file.write(header(dataBytes), 0);
        }
    }

    private static ByteBuffer header(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
        header.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 4).putShort((short) 4).putShort((short) 16);
        header.putInt(0x61746164).putInt((int) dataBytes);
        return header.flip();
    }
}
