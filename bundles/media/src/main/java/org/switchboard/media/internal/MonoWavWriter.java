package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a 16-bit mono WAV at 8 kHz frame by frame; the header's sizes are filled in on close. */
final class MonoWavWriter implements AutoCloseable {

    private final FileChannel file;
    private final ByteBuffer frame;
    private long dataBytes;

    MonoWavWriter(Path path, int samplesPerFrame) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.frame = ByteBuffer.allocate(samplesPerFrame * 2).order(ByteOrder.LITTLE_ENDIAN);
        file.write(WavHeader.of(1, 0));
    }

    /** Appends {@code count} samples. */
    void write(short[] samples, int count) throws IOException {
        frame.clear();
        for (int i = 0; i < count; i++) {
            frame.putShort(samples[i]);
        }
        frame.flip();
        dataBytes += frame.remaining();
        while (frame.hasRemaining()) {
            file.write(frame);
        }
    }

    /** Samples written so far. */
    long samples() {
        return dataBytes / 2;
    }

    @Override
    public void close() throws IOException {
        try (file) {
            file.write(WavHeader.of(1, dataBytes), 0);
        }
    }
}
