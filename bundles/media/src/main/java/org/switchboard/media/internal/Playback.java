package org.switchboard.media.internal;

import java.nio.ByteBuffer;

import org.switchboard.api.media.Codec;

/** A prompt being played to one leg: where it has got to, and whether it starts over at the end. */
final class Playback {

    private final Prompt prompt;
    private final boolean loop;
    private final Runnable whenFinished;
    private int position;
    private boolean finished;

    Playback(Prompt prompt, boolean loop, Runnable whenFinished) {
        this.prompt = prompt;
        this.loop = loop;
        this.whenFinished = whenFinished;
    }

    /** Puts the next {@code count} samples into {@code out}, silence after the end of a prompt played once. */
    void next(ByteBuffer out, Codec codec, int count) {
        byte[] audio = prompt.in(codec);
        int left = count;
        while (left > 0) {
            if (position >= audio.length) {
                if (!loop || audio.length == 0) {
                    byte silence = G711.silence(codec);
                    for (; left > 0; left--) {
                        out.put(silence);
                    }
                    break;
                }
                position = 0;
            }
            int chunk = Math.min(left, audio.length - position);
            out.put(audio, position, chunk);
            position += chunk;
            left -= chunk;
        }
        finished = !loop && position >= audio.length;
    }

    boolean finished() {
        return finished;
    }

    /** What to do once a prompt played once has ended (null: nothing). */
    Runnable whenFinished() {
        return whenFinished;
    }
}
