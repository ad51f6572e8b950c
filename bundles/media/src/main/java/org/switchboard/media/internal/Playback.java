package org.switchboard.media.internal;

import java.nio.ByteBuffer;

import org.switchboard.api.media.Codec;

/** A prompt being played to one leg: where it has got to, and whether it starts over at the end. */
final class Playback {

    private final short[] samples;
    private final boolean loop;
    private final Runnable whenFinished;
    private int position;
    private boolean finished;

    Playback(short[] samples, boolean loop, Runnable whenFinished) {
        this.samples = samples;
        this.loop = loop;
        this.whenFinished = whenFinished;
    }

    /** Encodes the next {@code count} samples into {@code out}, silence after the end of a prompt played once. */
    void next(ByteBuffer out, Codec codec, int count) {
        for (int i = 0; i < count; i++) {
            short sample = 0;
            if (position < samples.length) {
                sample = samples[position++];
            } else if (loop && samples.length > 0) {
                position = 0;
                sample = samples[position++];
            }
            out.put(G711.encode(codec, sample));
        }
        finished = !loop && position >= samples.length;
    }

    boolean finished() {
        return finished;
    }

    /** What to do once a prompt played once has ended (null: nothing). */
    Runnable whenFinished() {
        return whenFinished;
    }
}
