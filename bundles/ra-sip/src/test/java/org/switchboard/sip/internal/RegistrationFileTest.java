package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RegistrationFileTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void registrationsStillValidComeBackAfterARestart() throws Exception {
        SipFactory sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        AddressFactory addresses = sip.createAddressFactory();
        Path path = folder.getRoot().toPath().resolve("sip/registrations");
        RegistrationFile file = new RegistrationFile(path);
        assertEquals("nothing saved yet", List.of(), file.load(addresses, 0));

        Registrations.Binding valid = new Registrations.Binding("2001",
                (SipURI) addresses.createURI("sip:2001@192.0.2.10:5062;transport=tcp"), 10_000, "192.0.2.10");
        Registrations.Binding expired = new Registrations.Binding("2002",
                (SipURI) addresses.createURI("sip:2002@192.0.2.11"), 4_000, "192.0.2.11");
        file.save(List.of(valid, expired));
        Files.writeString(path, Files.readString(path) + "a line from elsewhere\n");

        List<Registrations.Binding> loaded = file.load(addresses, 5_000);
        assertEquals(1, loaded.size());
        assertEquals("2001", loaded.get(0).extension());
        assertEquals(valid.contact().toString(), loaded.get(0).contact().toString());
        assertEquals(10_000, loaded.get(0).expiresAtMillis());
        assertEquals("192.0.2.10", loaded.get(0).source());
    }
}
