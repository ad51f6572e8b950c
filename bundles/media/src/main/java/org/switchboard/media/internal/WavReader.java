package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.switchboard.api.media.Codec;

/** Reads prompt files: WAV, 8 kHz, mono, 16-bit linear PCM or G.711 µ-law / A-law, into linear samples. */
final class WavReader {

    private static final int SAMPLE_RATE = 8000;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_ULAW = 7;

    private WavReader() {
    }

    static short[] read(Path file) throws IOException {
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.remaining() < 12 || wav.getInt(0) != 0x46464952 || wav.getInt(8) != 0x45564157) {
            throw new IOException(file + " is not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int bits = 0;
        int at = 12;
        while (at + 8 <= wav.limit()) {
            int id = wav.getInt(at);
            int size = wav.getInt(at + 4);
            int body = at + 8;
            if (id == 0x20746d66) { // "fmt "
                format = wav.getShort(body) & 0xffff;
                int channels = wav.getShort(body + 2);
                int rate = wav.getInt(body + 4);
                bits = wav.getShort(body + 14);
                if (channels != 1 || rate != SAMPLE_RATE) {
                    throw new IOException(file + ": prompts must be mono at 8000 Hz, not " + channels
                            + " channel(s) at " + rate + " Hz (sox in.wav -r 8000 -c 1 -b 16 out.wav)");
                }
            } else if (id == 0x61746164) { // "data"
                return samples(file, wav, body, Math.min(size, wav.limit() - body), format, bits);
            }
            at = body + size + (size & 1);
        }
        throw new IOException(file + " has no audio data");
    }

    private static short[] samples(Path file, ByteBuffer wav, int from, int size, int format, int bits)
            throws IOException {
        if (format == FORMAT_PCM && bits == 16) {
            short[] samples = new short[size / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = wav.getShort(from + 2 * i);
            }
            return samples;
        }
        if (format == FORMAT_ULAW || format == FORMAT_ALAW) {
            Codec codec = format == FORMAT_ULAW ? Codec.PCMU : Codec.PCMA;
            short[] samples = new short[size];
            for (int i = 0; i < size; i++) {
                samples[i] = G711.decode(codec, wav.get(from + i));
            }
            return samples;
        }
        throw new IOException(file + ": prompts must be 16-bit PCM, µ-law or A-law, not format " + format
                + " with " + bits + " bits");
    }
}
