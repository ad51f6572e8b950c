package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.switchboard.api.media.Codec;

public class G711Test {

    @Test
    public void everyCodeDecodesAndEncodesBackToItself() {
        for (Codec codec : Codec.values()) {
            for (int code = 0; code < 256; code++) {
                short linear = G711.decode(codec, (byte) code);
                byte again = G711.encode(codec, linear);
                // µ-law has two codes for zero (0x7f and 0xff); both decode to 0.
                if (codec == Codec.PCMU && linear == 0) {
                    continue;
                }
                assertEquals(codec + " code " + code, (byte) code, again);
            }
        }
    }

    @Test
    public void knownValuesOfTheStandard() {
        assertEquals((byte) 0xff, G711.linearToUlaw((short) 0));
        assertEquals((byte) 0xd5, G711.linearToAlaw((short) 0));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-5504, G711.alawToLinear((byte) 0x00));
    }

    @Test
    public void encodingKeepsTheSampleWithinItsStep() {
        for (Codec codec : Codec.values()) {
            for (int sample = -32768; sample < 32768; sample += 7) {
                short back = G711.decode(codec, G711.encode(codec, (short) sample));
                int error = Math.abs(back - sample);
                assertTrue(codec + " " + sample + " -> " + back, error <= Math.max(16, Math.abs(sample) / 16 + 8));
            }
        }
    }

    @Test
    public void aLawSamplesReencodedInMuLawKeepTheirLevel() {
        byte ulaw = G711.encode(Codec.PCMU, G711.decode(Codec.PCMA, G711.encode(Codec.PCMA, (short) 1000)));
        assertTrue(Math.abs(G711.decode(Codec.PCMU, ulaw) - 1000) < 64);
        byte loud = G711.encode(Codec.PCMU, G711.decode(Codec.PCMA, G711.encode(Codec.PCMA, (short) -20000)));
        assertTrue(Math.abs(G711.decode(Codec.PCMU, loud) + 20000) < 1200);
        assertEquals((byte) 0xff, G711.silence(Codec.PCMU));
    }
}
