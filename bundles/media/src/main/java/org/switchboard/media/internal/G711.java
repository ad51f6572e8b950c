package org.switchboard.media.internal;

import org.switchboard.api.media.Codec;

/** G.711 µ-law and A-law: table decoding, and encoding of 16-bit linear samples (ITU-T G.711). */
final class G711 {

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    /** Encoding by table, indexed by the sample's 16 bits: the relay and recordings encode every sample. */
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final int ULAW_BIAS = 0x84;
    private static final int CLIP = 32635;

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawToLinear((byte) i);
            ALAW_TO_LINEAR[i] = alawToLinear((byte) i);
        }
        for (int i = 0; i < 65536; i++) {
            LINEAR_TO_ULAW[i] = linearToUlaw((short) i);
            LINEAR_TO_ALAW[i] = linearToAlaw((short) i);
        }
    }

    private G711() {
    }

    static short decode(Codec codec, byte sample) {
        return codec == Codec.PCMU ? ULAW_TO_LINEAR[sample & 0xff] : ALAW_TO_LINEAR[sample & 0xff];
    }

    static byte encode(Codec codec, short sample) {
        return codec == Codec.PCMU ? LINEAR_TO_ULAW[sample & 0xffff] : LINEAR_TO_ALAW[sample & 0xffff];
    }

    /** The code of silence in a codec. */
    static byte silence(Codec codec) {
        return encode(codec, (short) 0);
    }

    static byte linearToUlaw(short pcm) {
        int sample = pcm;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > CLIP) {
            sample = CLIP;
        }
        sample += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short ulawToLinear(byte ulaw) {
        int value = ~ulaw & 0xff;
        int sign = value & 0x80;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0f;
        int sample = (((mantissa << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return (short) (sign != 0 ? -sample : sample);
    }

    static byte linearToAlaw(short pcm) {
        int sample = pcm;
        int sign = sample >= 0 ? 0x80 : 0x00;
        if (sign == 0) {
            sample = -sample - 1;
        }
        if (sample > 32767) {
            sample = 32767;
        }
        int encoded;
        if (sample < 256) {
            encoded = sample >> 4;
        } else {
            int exponent = 1;
            for (int shifted = sample >> 8; shifted > 1 && exponent < 7; shifted >>= 1) {
                exponent++;
            }
            encoded = (exponent << 4) | ((sample >> (exponent + 3)) & 0x0f);
        }
        return (byte) ((encoded | sign) ^ 0x55);
    }

    static short alawToLinear(byte alaw) {
        int value = (alaw ^ 0x55) & 0xff;
        int sign = value & 0x80;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0f;
        int sample = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) (sign != 0 ? sample : -sample);
    }
}
