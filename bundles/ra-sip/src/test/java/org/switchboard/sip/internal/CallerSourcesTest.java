package org.switchboard.sip.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class CallerSourcesTest {

    @Test
    public void anyAllowsEveryone() {
        assertTrue(CallerSources.parse("any").allows("203.0.113.9"));
        assertTrue(CallerSources.parse("").allows("203.0.113.9"));
    }

    @Test
    public void addressesAndNetworksAllowOnlyTheirs() {
        CallerSources sources = CallerSources.parse("192.0.2.10, 10.0.0.0/8");
        assertTrue(sources.allows("192.0.2.10"));
        assertFalse(sources.allows("192.0.2.11"));
        assertTrue(sources.allows("10.200.3.4"));
        assertFalse(sources.allows("11.0.0.1"));
        assertFalse("not an address", sources.allows("unknown"));
    }

    @Test
    public void aBadEntryIsNamed() {
        try {
            CallerSources.parse("10.0.0.0/40");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("'10.0.0.0/40'"));
        }
    }
}
