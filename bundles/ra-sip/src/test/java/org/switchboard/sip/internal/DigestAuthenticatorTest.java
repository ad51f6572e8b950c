package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;

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
}
