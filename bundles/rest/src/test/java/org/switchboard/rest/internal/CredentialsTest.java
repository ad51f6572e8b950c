package org.switchboard.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.Test;

public class CredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static Credentials.Basic parseBasic(String header) {
        Optional<Credentials> parsed = Credentials.parse(header);
        assertTrue("expected credentials for " + header, parsed.isPresent());
        return (Credentials.Basic) parsed.get();
    }

    @Test
    public void basicGivesUserAndPassword() {
        Credentials.Basic credentials = parseBasic(basic("alice:secret"));

        assertEquals("alice", credentials.user());
        assertArrayEquals("secret".toCharArray(), credentials.password());
    }

    @Test
    public void basicPasswordMayContainColons() {
        Credentials.Basic credentials = parseBasic(basic("alice:se:cr:et"));

        assertEquals("alice", credentials.user());
        assertArrayEquals("se:cr:et".toCharArray(), credentials.password());
    }

    @Test
    public void basicWithoutColonIsRefused() {
        assertEquals(Optional.empty(), Credentials.parse(basic("alice")));
    }

    @Test
    public void basicWithInvalidBase64IsRefused() {
        assertEquals(Optional.empty(), Credentials.parse("Basic !!not-base64!!"));
    }

    @Test
    public void basicWithEmptyUserIsRefused() {
        assertEquals(Optional.empty(), Credentials.parse(basic(":secret")));
    }

    @Test
    public void bearerGivesToken() {
        assertEquals(Optional.of(new Credentials.Bearer("abc.123")), Credentials.parse("Bearer abc.123"));
    }

    @Test
    public void bearerWithEmptyTokenIsRefused() {
        assertEquals(Optional.empty(), Credentials.parse("Bearer "));
        assertEquals(Optional.empty(), Credentials.parse("Bearer    "));
    }

    @Test
    public void unknownSchemeIsRefused() {
        assertEquals(Optional.empty(), Credentials.parse("Digest username=\"alice\""));
    }

    @Test
    public void missingHeaderGivesNothing() {
        assertEquals(Optional.empty(), Credentials.parse(null));
    }

    @Test
    public void headerWithoutSpaceIsRefused() {
        assertEquals(Optional.empty(), Credentials.parse("Basic"));
        assertEquals(Optional.empty(), Credentials.parse("Bearer"));
    }

    @Test
    public void basicSchemeIsCaseInsensitive() {
        String header = basic("alice:secret").replace("Basic", "bAsIc");

        assertEquals("alice", parseBasic(header).user());
    }

    @Test
    public void bearerSchemeIsCaseInsensitive() {
        assertEquals(Optional.of(new Credentials.Bearer("token")), Credentials.parse("BEARER token"));
        assertEquals(Optional.of(new Credentials.Bearer("token")), Credentials.parse("bearer token"));
    }
}
