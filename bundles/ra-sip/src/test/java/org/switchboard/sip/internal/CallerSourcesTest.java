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

    @Test
    public void anyIsReadWhateverItsCaseAndWhitespace() {
        assertTrue(CallerSources.parse(" ANY ").anyone());
        assertTrue(CallerSources.parse(null).anyone());
        assertTrue(CallerSources.parse("   ").anyone());
        assertFalse(CallerSources.parse("192.0.2.10").anyone());
    }

    @Test
    public void aNetworksBoundariesAreExact() {
        CallerSources sources = CallerSources.parse("192.0.2.0/24");
        assertTrue(sources.allows("192.0.2.0"));
        assertTrue(sources.allows("192.0.2.255"));
        assertFalse(sources.allows("192.0.1.255"));
        assertFalse(sources.allows("192.0.3.0"));
        CallerSources narrow = CallerSources.parse("198.51.100.64/26");
        assertTrue(narrow.allows("198.51.100.64"));
        assertTrue(narrow.allows("198.51.100.127"));
        assertFalse(narrow.allows("198.51.100.63"));
        assertFalse(narrow.allows("198.51.100.128"));
    }

    @Test
    public void aNetworkWrittenWithHostBitsStillMeansTheNetwork() {
        CallerSources sources = CallerSources.parse("10.1.2.3/8");
        assertTrue(sources.allows("10.250.0.1"));
        assertFalse(sources.allows("11.1.2.3"));
    }

    @Test
    public void prefixesZeroAndThirtyTwo() {
        CallerSources all = CallerSources.parse("0.0.0.0/0");
        assertFalse("a network, not the any setting", all.anyone());
        assertTrue(all.allows("203.0.113.9"));
        assertTrue(all.allows("255.255.255.255"));
        CallerSources one = CallerSources.parse("203.0.113.9/32");
        assertTrue(one.allows("203.0.113.9"));
        assertFalse(one.allows("203.0.113.8"));
    }

    @Test
    public void highAddressesAreComparedWithoutSignTrouble() {
        CallerSources sources = CallerSources.parse("200.0.0.0/8");
        assertTrue(sources.allows("200.255.255.255"));
        assertFalse(sources.allows("201.0.0.0"));
        assertFalse(sources.allows("72.0.0.1"));
    }

    @Test
    public void emptyEntriesAreIgnored() {
        CallerSources sources = CallerSources.parse("192.0.2.10,, ,198.51.100.0/24,");
        assertTrue(sources.allows("192.0.2.10"));
        assertTrue(sources.allows("198.51.100.200"));
        assertFalse(sources.allows("203.0.113.1"));
    }

    @Test
    public void aTrunksHostAddedLaterIsAllowedToo() {
        CallerSources sources = CallerSources.parse("192.0.2.10");
        assertFalse(sources.allows("203.0.113.50"));
        sources.add("203.0.113.50");
        assertTrue(sources.allows("203.0.113.50"));
    }

    @Test
    public void ipv6IsNeitherConfigurableNorAllowed() {
        try {
            CallerSources.parse("2001:db8::1");
            fail("an IPv6 entry was taken");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("not an IPv4 address"));
        }
        assertFalse(CallerSources.parse("0.0.0.0/0").allows("2001:db8::1"));
    }

    @Test
    public void aPrefixThatIsNoNumberIsNamed() {
        for (String bad : new String[] {"10.0.0.0/x", "10.0.0.0/-1", "10.0.0.0/33"}) {
            try {
                CallerSources.parse("192.0.2.1, " + bad);
                fail("accepted " + bad);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("'" + bad + "'"));
                assertTrue(e.getMessage(), e.getMessage().contains("prefix length"));
            }
        }
    }
}
