package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;

import org.junit.Test;

public class TelephoneEventsTest {

    private static ByteBuffer event(int event, boolean end, int duration) {
        return ByteBuffer.wrap(new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration});
    }

    @Test
    public void aKeyPressIsOneDigitHoweverManyPacketsCarryIt() {
        TelephoneEvents events = new TelephoneEvents();
        assertEquals('1', events.digit(event(1, false, 160), 0, 4, 1000));
        assertEquals(0, events.digit(event(1, false, 320), 0, 4, 1000));
        assertEquals(0, events.digit(event(1, true, 800), 0, 4, 1000));
        assertEquals(0, events.digit(event(1, true, 800), 0, 4, 1000));
        assertEquals('1', events.digit(event(1, false, 160), 0, 4, 2000));
        assertEquals('#', events.digit(event(11, false, 160), 0, 4, 3000));
        assertEquals('*', events.digit(event(10, false, 160), 0, 4, 4000));
    }

    @Test
    public void eventsThatAreNotDigitsAndShortPayloadsAreIgnored() {
        TelephoneEvents events = new TelephoneEvents();
        assertEquals(0, events.digit(event(32, false, 160), 0, 4, 1000));
        assertEquals(0, events.digit(event(1, false, 160), 0, 3, 2000));
    }
}
