package org.switchboard.media.internal;

import org.switchboard.api.media.Codec;

/** A prompt encoded once in each codec, so that playing it to many callers costs only copying bytes. */
final class Prompt {

    private final byte[] ulaw;
    private final byte[] alaw;

    Prompt(short[] samples) {
        ulaw = new byte[samples.length];
        alaw = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ulaw[i] = G711.encode(Codec.PCMU, samples[i]);
            alaw[i] = G711.encode(Codec.PCMA, samples[i]);
        }
    }

    byte[] in(Codec codec) {
        return codec == Codec.PCMU ? ulaw : alaw;
    }

    int length() {
        return ulaw.length;
    }
}
