package org.switchboard.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PasswordFileTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void writesPasswordReadableOnlyByOwner() throws Exception {
        Path path = folder.getRoot().toPath().resolve("data/admin.password");
        PasswordFile file = new PasswordFile(path);

        String password = file.writeNew();

        assertTrue(file.exists());
        assertEquals(password, Files.readString(path).trim());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertTrue(password.length() >= 20);
    }

    @Test
    public void eachPasswordIsNew() throws Exception {
        PasswordFile file = new PasswordFile(folder.getRoot().toPath().resolve("admin.password"));
        assertNotEquals(file.writeNew(), file.writeNew());
    }
}
