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
        return WavHeader.of(2, dataBytes);
    }
}
