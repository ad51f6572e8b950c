package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one party says, recorded to a mono WAV: the receiving thread puts decoded audio in a jitter buffer at
 * its RTP timestamp, and the recording clock writes it out frame by frame, silence where nothing arrived,
 * until stopped or the longest length is reached.
 */
final class MessageRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRecorder.class);
    private static final int BUFFER = 8000 * 4;
    private static final int DELAY = 8 * 80;

    private final String legId;
    private final Path file;
    private final long maxSamples;
    private final Consumer<Duration> whenFinished;
    private final MediaEngine engine;
    private final JitterBuffer buffer = new JitterBuffer(BUFFER, DELAY);
    private final MonoWavWriter writer;
    private final short[] frame = new short[RtpLeg.FRAME];
    private volatile boolean stopping;
    // Guarded by "this": the recording clock writes, a stopping engine finishes.
    private boolean finished;

    MessageRecorder(String legId, Path file, Duration maxLength, Consumer<Duration> whenFinished, MediaEngine engine)
            throws IOException {
        this.legId = legId;
        this.file = file;
        this.maxSamples = maxLength.toMillis() * WavHeader.SAMPLE_RATE / 1000;
        this.whenFinished = whenFinished;
        this.engine = engine;
        this.writer = new MonoWavWriter(file, RtpLeg.FRAME);
    }

    /** Decoded audio from the party, on the receiving thread. */
    void heard(long timestamp, short[] samples, int count) {
        buffer.write(timestamp, samples, count);
    }

    /** Asks the recording clock to finish at its next step; any thread. */
    void stop() {
        stopping = true;
    }

    /** One 20 ms step of the recording clock. */
    synchronized void record() {
        if (finished) {
            return;
        }
        try {
            if (stopping) {
                // What is still held back by the jitter buffer's delay was said before the stop: keep it.
                for (int drained = 0; drained < DELAY && writer.samples() < maxSamples; drained += RtpLeg.FRAME) {
                    writeFrame();
                }
                finish();
                return;
            }
            writeFrame();
            if (writer.samples() >= maxSamples) {
                finish();
            }
        } catch (IOException e) {
            LOG.error("Recording of what {} says to {} failed; it stops here: {}", legId, file, e.toString());
            finish();
        }
    }

    private void writeFrame() throws IOException {
        int count = (int) Math.min(RtpLeg.FRAME, maxSamples - writer.samples());
        buffer.read(frame, count);
        writer.write(frame, count);
    }

    /** Closes the file and reports the length, once. */
    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            writer.close();
        } catch (IOException e) {
            LOG.error("The recording {} of {} could not be finished: {}", file, legId, e.toString());
        }
        engine.ended(this, Duration.ofMillis(writer.samples() * 1000 / WavHeader.SAMPLE_RATE));
    }

    Consumer<Duration> whenFinished() {
        return whenFinished;
    }
}
