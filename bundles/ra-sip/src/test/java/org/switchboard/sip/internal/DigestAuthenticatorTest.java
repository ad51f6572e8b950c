package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;

import org.junit.Test;

public class DigestAuthenticatorTest {

    private static final long NOW = 1_800_000_000_000L;
    private final DigestAuthenticator digest = new DigestAuthenticator("switchboard");
    private final Map<String, String> passwords = Map.of("2001", "secret");

    @Test
    public void rfc2617ResponsesWithAndWithoutQopAreAccepted() throws Exception {
        String nonce = digest.nonce(NOW);
        assertEquals(DigestAuthenticator.Outcome.ACCEPTED, check(header(nonce, "secret", true), NOW + 1000));
        assertEquals(DigestAuthenticator.Outcome.ACCEPTED, check(header(nonce, "secret", false), NOW + 1000));
    }

    @Test
    public void wrongPasswordsUnknownUsersAndForeignNoncesAreWrong() throws Exception {
        String nonce = digest.nonce(NOW);
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(header(nonce, "guess", true), NOW));
        AuthorizationHeader stranger = header(nonce, "secret", true);
        stranger.setUsername("9999");
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(stranger, NOW));
        String foreign = new DigestAuthenticator("switchboard").nonce(NOW);
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(header(foreign, "secret", true), NOW));
    }

    @Test
    public void anOldNonceIsStaleSoThePhoneRetriesWithoutAskingForThePassword() throws Exception {
        String nonce = digest.nonce(NOW);
        assertEquals(DigestAuthenticator.Outcome.STALE,
                check(header(nonce, "secret", true), NOW + DigestAuthenticator.NONCE_LIFETIME_MILLIS + 1));
    }

    private DigestAuthenticator.Outcome check(AuthorizationHeader header, long now) {
        return digest.check(header, "REGISTER", passwords::get, now);
    }

    private static AuthorizationHeader header(String nonce, String password, boolean qop) throws Exception {
        HeaderFactory headers = SipFactory.getInstance().createHeaderFactory();
        AuthorizationHeader header = headers.createAuthorizationHeader("Digest");
        header.setUsername("2001");
        header.setRealm("switchboard");
        header.setNonce(nonce);
        header.setURI(SipFactory.getInstance().createAddressFactory().createURI("sip:127.0.0.1"));
        String ha1 = DigestAuthenticator.md5("2001:switchboard:" + password);
        String ha2 = DigestAuthenticator.md5("REGISTER:sip:127.0.0.1");
        if (qop) {
            header.setQop("auth");
            header.setNonceCount(1);
            header.setCNonce("0a4f113b");
            header.setResponse(DigestAuthenticator.md5(ha1 + ":" + nonce + ":00000001:0a4f113b:auth:" + ha2));
        } else {
            header.setResponse(DigestAuthenticator.md5(ha1 + ":" + nonce + ":" + ha2));
        }
        return header;
    }

    @Test
    public void md5IsTheLowerCaseHexOfRfc2617sExample() {
        String ha1 = DigestAuthenticator.md5("Mufasa:testrealm@host.com:Circle Of Life");
        assertEquals("939e7578ed9e3c518a452acee763bce9", ha1);
        String ha2 = DigestAuthenticator.md5("GET:/dir/index.html");
        assertEquals("RFC 2617 §3.5", "6629fae49393a05397450978507c4ef1", DigestAuthenticator.md5(
                ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:" + ha2));
    }

    @Test
    public void aResponseInUpperCaseHexIsAccepted() throws Exception {
        String nonce = digest.nonce(NOW);
        AuthorizationHeader header = header(nonce, "secret", true);
        header.setResponse(header.getResponse().toUpperCase());
        assertEquals(DigestAuthenticator.Outcome.ACCEPTED, check(header, NOW));
    }

    @Test
    public void anotherRealmIsWrongEvenWithThePassword() throws Exception {
        AuthorizationHeader header = header(digest.nonce(NOW), "secret", true);
        header.setRealm("elsewhere");
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(header, NOW));
        assertEquals("switchboard", digest.realm());
    }

    @Test
    public void aNonceWhoseTimeWasAlteredIsNotOurs() throws Exception {
        String nonce = digest.nonce(NOW);
        String decoded = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
        String mac = decoded.substring(decoded.indexOf(':') + 1);
        String extended = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(((NOW + 3_600_000) + ":" + mac).getBytes(StandardCharsets.US_ASCII));
        assertEquals("a phone cannot make an old nonce young again", DigestAuthenticator.Outcome.WRONG,
                check(header(extended, "secret", true), NOW + 3_600_000));
    }

    @Test
    public void noncesThatAreNoneOfOursAreWrong() throws Exception {
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(header("not*base64!", "secret", true), NOW));
        String noColon = Base64.getUrlEncoder().encodeToString("1800000000000".getBytes(StandardCharsets.US_ASCII));
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(header(noColon, "secret", true), NOW));
        String notATime = Base64.getUrlEncoder().encodeToString("soon:abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(header(notATime, "secret", true), NOW));
    }

    @Test
    public void aNonceIsFreshUpToItsLifetime() throws Exception {
        String nonce = digest.nonce(NOW);
        assertEquals(DigestAuthenticator.Outcome.ACCEPTED,
                check(header(nonce, "secret", true), NOW + DigestAuthenticator.NONCE_LIFETIME_MILLIS));
    }

    @Test
    public void aStaleNonceWithAWrongPasswordIsWrongNotStale() throws Exception {
        String nonce = digest.nonce(NOW);
        assertEquals("stale is said only to a phone that knows the password", DigestAuthenticator.Outcome.WRONG,
                check(header(nonce, "guess", true), NOW + DigestAuthenticator.NONCE_LIFETIME_MILLIS + 1));
    }

    @Test
    public void theNonceCountCnonceAndUriArePartOfTheResponse() throws Exception {
        String nonce = digest.nonce(NOW);
        AuthorizationHeader count = header(nonce, "secret", true);
        count.setNonceCount(2);
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(count, NOW));
        AuthorizationHeader cnonce = header(nonce, "secret", true);
        cnonce.setCNonce("ffffffff");
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(cnonce, NOW));
        AuthorizationHeader uri = header(nonce, "secret", true);
        uri.setURI(SipFactory.getInstance().createAddressFactory().createURI("sip:192.0.2.99"));
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(uri, NOW));
    }

    @Test
    public void aResponseComputedForAnotherMethodIsWrong() throws Exception {
        AuthorizationHeader header = header(digest.nonce(NOW), "secret", true);
        assertEquals(DigestAuthenticator.Outcome.WRONG, digest.check(header, "INVITE", passwords::get, NOW));
    }

    @Test
    public void onlyQopAuthIsSpoken() throws Exception {
        AuthorizationHeader header = header(digest.nonce(NOW), "secret", true);
        header.setQop("auth-int");
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(header, NOW));
    }

    @Test
    public void credentialsWithoutUserOrNonceAreWrong() throws Exception {
        HeaderFactory headers = SipFactory.getInstance().createHeaderFactory();
        AuthorizationHeader empty = headers.createAuthorizationHeader("Digest");
        empty.setRealm("switchboard");
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(empty, NOW));
        empty.setUsername("2001");
        assertEquals(DigestAuthenticator.Outcome.WRONG, check(empty, NOW));
    }

    @Test
    public void eachNonceIsNewAndCarriesItsTime() {
        assertNotEquals("two authenticators never share nonces", digest.nonce(NOW),
                new DigestAuthenticator("switchboard").nonce(NOW));
        assertNotEquals(digest.nonce(NOW), digest.nonce(NOW + 1));
        assertTrue("a nonce is safe in a quoted header value", digest.nonce(NOW).matches("[A-Za-z0-9_-]+"));
    }
}
