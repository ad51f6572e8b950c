package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Optional;

import org.junit.Test;

public class EntryPointsTest {

    @Test
    public void numbersLeadToTheirQueues() {
        EntryPoints points = EntryPoints.parse(" 100=support , 8800=sales,");
        assertEquals(Optional.of("support"), points.queueFor("100"));
        assertEquals(Optional.of("sales"), points.queueFor("8800"));
        assertTrue(points.queueFor("200").isEmpty());
        assertTrue(EntryPoints.parse("").all().isEmpty());
    }

    @Test
    public void aMalformedEntryIsNamed() {
        try {
            EntryPoints.parse("100=support, 200");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("entry.points: '200'"));
        }
    }
}
