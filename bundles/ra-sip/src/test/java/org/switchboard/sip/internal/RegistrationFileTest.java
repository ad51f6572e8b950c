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

    private final AddressFactory addresses = SipFixture.ADDRESSES;

    private static Registrations.Binding binding(String extension, String contact, long expiresAt) {
        return new Registrations.Binding(extension, SipFixture.uri(contact), expiresAt, "198.51.100.7");
    }

    @Test
    public void aSaveReplacesTheWholeFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path path = folder.getRoot().toPath().resolve("registrations");
        RegistrationFile file = new RegistrationFile(path);
        file.save(List.of(binding("2001", "sip:2001@198.51.100.7", 10_000),
                binding("2002", "sip:2002@198.51.100.8", 10_000)));
        file.save(List.of(binding("2002", "sip:2002@198.51.100.8", 20_000)));
        List<Registrations.Binding> loaded = file.load(addresses, 0);
        assertEquals("a phone that unregistered is not rung after a restart", 1, loaded.size());
        assertEquals("2002", loaded.get(0).extension());
        assertEquals(20_000, loaded.get(0).expiresAtMillis());
        try (java.util.stream.Stream<Path> files = Files.list(folder.getRoot().toPath())) {
            assertEquals(List.of(path), files.toList());
        }
    }

    @Test
    public void savingNoBindingsLeavesAnEmptyFile() throws Exception {
        Path path = folder.getRoot().toPath().resolve("registrations");
        RegistrationFile file = new RegistrationFile(path);
        file.save(List.of(binding("2001", "sip:2001@198.51.100.7", 10_000)));
        file.save(List.of());
        assertEquals("", Files.readString(path));
        assertEquals(List.of(), file.load(addresses, 0));
    }

    @Test
    public void aBindingExpiringNowIsNotLoaded() {
        RegistrationFile file = new RegistrationFile(folder.getRoot().toPath().resolve("registrations"));
        file.save(List.of(binding("2001", "sip:2001@198.51.100.7", 10_000)));
        assertEquals(1, file.load(addresses, 9_999).size());
        assertEquals(List.of(), file.load(addresses, 10_000));
    }

    @Test
    public void damagedLinesAreSkippedAndTheRestLoaded() throws Exception {
        Path path = folder.getRoot().toPath().resolve("registrations");
        Files.writeString(path, String.join("\n",
                "2001\tsip:2001@198.51.100.7\tsoon\t198.51.100.7",
                "2002\ttel:+4930123\t10000\t198.51.100.8",
                "2003\tsip:2003@198.51.100.9\t10000",
                "2004\t<not a uri>\t10000\t198.51.100.10",
                "",
                "2005\tsip:2005@198.51.100.11:5070;transport=tcp\t10000\t198.51.100.11") + "\n");
        List<Registrations.Binding> loaded = new RegistrationFile(path).load(addresses, 0);
        assertEquals(1, loaded.size());
        assertEquals("2005", loaded.get(0).extension());
        assertEquals("sip:2005@198.51.100.11:5070;transport=tcp", loaded.get(0).contact().toString());
    }

    @Test
    public void aFileThatCannotBeReadOrWrittenIsNoFailure() throws Exception {
        Path directory = folder.newFolder("registrations").toPath();
        RegistrationFile unreadable = new RegistrationFile(directory);
        assertEquals("a directory is no file of registrations", List.of(), unreadable.load(addresses, 0));
        Path blocked = folder.newFile("plain").toPath().resolve("registrations");
        RegistrationFile unwritable = new RegistrationFile(blocked);
        unwritable.save(List.of(binding("2001", "sip:2001@198.51.100.7", 10_000)));
        assertEquals(List.of(), unwritable.load(addresses, 0));
    }
}
