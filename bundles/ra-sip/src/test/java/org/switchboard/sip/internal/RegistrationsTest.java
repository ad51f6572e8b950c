package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

public class RegistrationsTest {

    private final Registrations registrations = new Registrations();

    private static Registrations.Binding binding(String extension, String contact, long expiresAt) {
        return new Registrations.Binding(extension, SipFixture.uri(contact), expiresAt, "198.51.100.7");
    }

    @Test
    public void aPhoneIsFoundUntilItsRegistrationExpires() {
        registrations.bind(binding("2001", "sip:2001@198.51.100.7:5062", 10_000));
        assertEquals("sip:2001@198.51.100.7:5062",
                registrations.find("2001", 9_999).orElseThrow().contact().toString());
        assertTrue("expired at its expiry, not a moment later", registrations.find("2001", 10_000).isEmpty());
        assertTrue(registrations.find("2001", 20_000).isEmpty());
        assertTrue("an extension never registered", registrations.find("2002", 0).isEmpty());
    }

    @Test
    public void anExpiredBindingIsStillCountedAndSavedUntilReplacedOrRemoved() {
        registrations.bind(binding("2001", "sip:2001@198.51.100.7", 10_000));
        registrations.find("2001", 20_000);
        assertEquals("finding does not remove", 1, registrations.size());
        assertEquals(1, registrations.all().size());
    }

    @Test
    public void theLatestRegistrationOfAnExtensionReplacesItsEarlierOne() {
        registrations.bind(binding("2001", "sip:2001@198.51.100.7", 10_000));
        registrations.bind(binding("2001", "sip:2001@198.51.100.8", 20_000));
        assertEquals(1, registrations.size());
        Registrations.Binding found = registrations.find("2001", 15_000).orElseThrow();
        assertEquals("sip:2001@198.51.100.8", found.contact().toString());
        assertEquals(20_000, found.expiresAtMillis());
    }

    @Test
    public void eachExtensionHasItsOwnBinding() {
        registrations.bind(binding("2001", "sip:2001@198.51.100.7", 10_000));
        registrations.bind(binding("2002", "sip:2002@198.51.100.8", 10_000));
        Set<String> extensions = registrations.all().stream().map(Registrations.Binding::extension)
                .collect(Collectors.toSet());
        assertEquals(Set.of("2001", "2002"), extensions);
        registrations.unbind("2001");
        assertTrue(registrations.find("2001", 0).isEmpty());
        assertTrue("the other phone stays reachable", registrations.find("2002", 0).isPresent());
    }

    @Test
    public void changesAreReportedOnceSoThatTheFileIsWrittenOnlyWhenNeeded() {
        assertFalse("nothing yet", registrations.takeChanged());
        registrations.bind(binding("2001", "sip:2001@198.51.100.7", 10_000));
        assertTrue(registrations.takeChanged());
        assertFalse("reported once", registrations.takeChanged());
        registrations.unbind("2999");
        assertFalse("removing what is not there changes nothing", registrations.takeChanged());
        registrations.unbind("2001");
        assertTrue(registrations.takeChanged());
        registrations.bind(binding("2001", "sip:2001@198.51.100.7", 20_000));
        assertTrue("a refreshed registration is saved with its new expiry", registrations.takeChanged());
    }

    @Test
    public void allIsASnapshotThatLaterChangesDoNotAlter() {
        registrations.bind(binding("2001", "sip:2001@198.51.100.7", 10_000));
        Collection<Registrations.Binding> snapshot = registrations.all();
        registrations.bind(binding("2002", "sip:2002@198.51.100.8", 10_000));
        registrations.unbind("2001");
        assertEquals(1, snapshot.size());
        assertEquals("2001", snapshot.iterator().next().extension());
        try {
            snapshot.clear();
            throw new AssertionError("the snapshot can be changed");
        } catch (UnsupportedOperationException expected) {
            assertEquals(1, registrations.size());
        }
    }
}
