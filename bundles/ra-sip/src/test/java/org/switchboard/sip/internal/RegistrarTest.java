package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.Test;

import gov.nist.javax.sip.RequestEventExt;

public class RegistrarTest {

    private static final String PHONE = "198.51.100.7";
    private static final long MINUTE = 60_000;

    private final DigestAuthenticator digest = new DigestAuthenticator("switchboard");
    private final AuthThrottle throttle = new AuthThrottle(3, MINUTE, 5 * MINUTE);
    private final Registrations registrations = new Registrations();
    private final Map<String, String> passwords = Map.of("2001", "secret", "2002", "other");
    private final Registrar registrar = new Registrar(SipFixture.messages(), digest, throttle, registrations,
            passwords::get, 3600);

    /** The Authorization header a phone answers a challenge with (RFC 2617, qop=auth). */
    private String authorization(String user, String password, String nonce) {
        String ha1 = DigestAuthenticator.md5(user + ":switchboard:" + password);
        String ha2 = DigestAuthenticator.md5("REGISTER:sip:192.0.2.1");
        String response = DigestAuthenticator.md5(ha1 + ":" + nonce + ":00000001:4a6f:auth:" + ha2);
        return "Authorization: Digest username=\"" + user + "\", realm=\"switchboard\", nonce=\"" + nonce
                + "\", uri=\"sip:192.0.2.1\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001,"
                + " cnonce=\"4a6f\"";
    }

    private String freshNonce() {
        return digest.nonce(System.currentTimeMillis());
    }

    private Response register(Request request) {
        return registrar.register(new RequestEvent(this, null, null, request), PHONE);
    }

    /** A REGISTER of {@code extension} with good credentials and the extra headers given. */
    private Request authorized(String extension, String... extra) {
        String[] headers = new String[extra.length + 1];
        headers[0] = authorization(extension, passwords.get(extension), freshNonce());
        System.arraycopy(extra, 0, headers, 1, extra.length);
        return SipFixture.register(extension, headers);
    }

    @Test
    public void aRegisterWithoutCredentialsIsChallengedForDigestMd5WithQopAuth() {
        Response challenge = register(SipFixture.register("2001", "Contact: <sip:2001@198.51.100.7:5062>"));
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        WWWAuthenticateHeader header = (WWWAuthenticateHeader) challenge.getHeader(WWWAuthenticateHeader.NAME);
        assertNotNull("a 401 must carry WWW-Authenticate (RFC 3261 §22.2)", header);
        assertEquals("Digest", header.getScheme());
        assertEquals("switchboard", header.getRealm());
        assertEquals("MD5", header.getAlgorithm());
        assertEquals("auth", header.getQop());
        assertNotNull(header.getNonce());
        assertNull("a first challenge is not stale", header.getParameter("stale"));
        assertTrue("nothing is bound before the phone authenticates", registrations.find("2001", 0).isEmpty());
    }

    @Test
    public void theChallengesNonceAnsweredWithThePasswordRegistersThePhone() {
        Response challenge = register(SipFixture.register("2001", "Contact: <sip:2001@198.51.100.7:5062>"));
        String nonce = ((WWWAuthenticateHeader) challenge.getHeader(WWWAuthenticateHeader.NAME)).getNonce();
        long before = System.currentTimeMillis();
        Response ok = register(SipFixture.register("2001", authorization("2001", "secret", nonce),
                "Contact: <sip:2001@198.51.100.7:5062>;expires=600"));
        long after = System.currentTimeMillis();
        assertEquals(Response.OK, ok.getStatusCode());
        Registrations.Binding binding = registrations.find("2001", after).orElseThrow();
        assertEquals("sip:2001@198.51.100.7:5062", binding.contact().toString());
        assertEquals(PHONE, binding.source());
        assertTrue(binding.expiresAtMillis() >= before + 600_000 && binding.expiresAtMillis() <= after + 600_000);
        ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        assertEquals("§10.3: the 200 lists the binding with its expiry", 600, contact.getExpires());
        assertEquals("sip:2001@198.51.100.7:5062", contact.getAddress().getURI().toString());
        assertEquals(600, ((ExpiresHeader) ok.getHeader(ExpiresHeader.NAME)).getExpires());
        assertTrue(registrations.takeChanged());
    }

    @Test
    public void theExpiresHeaderAppliesWhenTheContactNamesNone() {
        Response ok = register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>", "Expires: 120"));
        assertEquals(120, ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getExpires());
    }

    @Test
    public void theContactsOwnExpiresWinsOverTheExpiresHeader() {
        Response ok = register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>;expires=300", "Expires: 120"));
        assertEquals("§10.2.1.1: the contact's parameter takes precedence", 300,
                ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getExpires());
    }

    @Test
    public void withoutAnyExpiresTheRegistrationLastsAnHour() {
        Registrar generous = new Registrar(SipFixture.messages(), digest, throttle, registrations, passwords::get, 7200);
        Response ok = generous.register(new RequestEvent(this, null, null,
                authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>")), PHONE);
        assertEquals("§10.2.1.1: 3600 s when the phone asks for nothing", 3600,
                ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getExpires());
    }

    @Test
    public void aPhoneAskingForLongerThanAllowedGetsTheMaximumAndIsToldSo() {
        long before = System.currentTimeMillis();
        Response ok = register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>;expires=86400"));
        assertEquals(3600, ((ContactHeader) ok.getHeader(ContactHeader.NAME)).getExpires());
        assertEquals(3600, ((ExpiresHeader) ok.getHeader(ExpiresHeader.NAME)).getExpires());
        Registrations.Binding binding = registrations.find("2001", before).orElseThrow();
        assertTrue("bound for an hour, not a day", binding.expiresAtMillis() <= System.currentTimeMillis() + 3_600_000);
    }

    @Test
    public void aRegisterWithZeroExpiresRemovesTheBinding() {
        register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>"));
        registrations.takeChanged();
        Response ok = register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>;expires=0"));
        assertEquals(Response.OK, ok.getStatusCode());
        assertTrue(registrations.find("2001", System.currentTimeMillis()).isEmpty());
        assertTrue("the saved registrations are rewritten", registrations.takeChanged());
        assertNull("no binding is listed once removed", ok.getHeader(ContactHeader.NAME));
    }

    @Test
    public void aWildcardContactWithExpiresZeroRemovesEveryBindingOfThePhone() {
        register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>"));
        Response ok = register(authorized("2001", "Contact: *", "Expires: 0"));
        assertEquals(Response.OK, ok.getStatusCode());
        assertTrue(registrations.find("2001", System.currentTimeMillis()).isEmpty());
    }

    @Test
    public void aWildcardContactThatDoesNotExpireIsRefusedAndKeepsTheBinding() {
        register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>"));
        Response bad = register(authorized("2001", "Contact: *", "Expires: 3600"));
        assertEquals(Response.BAD_REQUEST, bad.getStatusCode());
        assertEquals("Contact * needs Expires: 0", bad.getReasonPhrase());
        assertFalse(registrations.find("2001", System.currentTimeMillis()).isEmpty());
    }

    @Test
    public void aContactThatIsNoSipUriIsRefusedNotLeftUnanswered() {
        Response bad = register(authorized("2001", "Contact: <tel:+74951234567>"));
        assertEquals(Response.BAD_REQUEST, bad.getStatusCode());
        assertTrue(registrations.find("2001", System.currentTimeMillis()).isEmpty());
    }

    @Test
    public void aRegisterWithoutContactIsAQueryAnsweredWithTheCurrentBinding() {
        Response none = register(authorized("2001"));
        assertEquals(Response.OK, none.getStatusCode());
        assertNull("nothing bound, nothing listed", none.getHeader(ContactHeader.NAME));

        register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>;expires=600"));
        registrations.takeChanged();
        Response query = register(authorized("2001"));
        ContactHeader contact = (ContactHeader) query.getHeader(ContactHeader.NAME);
        assertEquals("sip:2001@198.51.100.7:5062", contact.getAddress().getURI().toString());
        assertTrue("the time left: " + contact.getExpires(), contact.getExpires() > 590 && contact.getExpires() <= 600);
        assertFalse("a query changes nothing", registrations.takeChanged());
    }

    @Test
    public void aPhoneMayNotRegisterAnotherExtensionWithItsOwnPassword() {
        Request theft = SipFixture.register("2002", authorization("2001", "secret", freshNonce()),
                "Contact: <sip:2002@203.0.113.66>");
        Response refused = register(theft);
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
        assertTrue("calls for 2002 are not diverted",
                registrations.find("2002", System.currentTimeMillis()).isEmpty());
    }

    @Test
    public void aWrongPasswordIsForbiddenNotChallengedAgain() {
        Response refused = register(SipFixture.register("2001", authorization("2001", "guess", freshNonce()),
                "Contact: <sip:2001@198.51.100.7:5062>"));
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
        assertNull(refused.getHeader(WWWAuthenticateHeader.NAME));
        assertTrue(registrations.find("2001", System.currentTimeMillis()).isEmpty());
    }

    @Test
    public void anUnknownExtensionIsForbidden() {
        Response refused = register(SipFixture.register("2999", authorization("2999", "secret", freshNonce()),
                "Contact: <sip:2999@198.51.100.7>"));
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
    }

    @Test
    public void aSourceThatGuessesPasswordsIsRefusedEvenWithTheRightOne() {
        for (int i = 0; i < 3; i++) {
            register(SipFixture.register("2001", authorization("2001", "guess" + i, freshNonce()),
                    "Contact: <sip:2001@198.51.100.7>"));
        }
        Response refused = register(authorized("2001", "Contact: <sip:2001@198.51.100.7>"));
        assertEquals(Response.FORBIDDEN, refused.getStatusCode());
        assertTrue(registrations.find("2001", System.currentTimeMillis()).isEmpty());
        Response unchallenged = register(SipFixture.register("2001", "Contact: <sip:2001@198.51.100.7>"));
        assertEquals("a blocked source is not even challenged", Response.FORBIDDEN, unchallenged.getStatusCode());
        Response other = registrar.register(new RequestEvent(this, null, null,
                authorized("2002", "Contact: <sip:2002@198.51.100.8>")), "198.51.100.8");
        assertEquals("other sources are not affected", Response.OK, other.getStatusCode());
    }

    @Test
    public void aSuccessForgetsEarlierFailuresOfTheSource() {
        for (int i = 0; i < 2; i++) {
            register(SipFixture.register("2001", authorization("2001", "typo", freshNonce()),
                    "Contact: <sip:2001@198.51.100.7>"));
        }
        assertEquals(Response.OK, register(authorized("2001", "Contact: <sip:2001@198.51.100.7>")).getStatusCode());
        register(SipFixture.register("2001", authorization("2001", "typo", freshNonce()),
                "Contact: <sip:2001@198.51.100.7>"));
        assertEquals("one failure after a success does not block", Response.OK,
                register(authorized("2001", "Contact: <sip:2001@198.51.100.7>")).getStatusCode());
    }

    @Test
    public void anOldNonceIsChallengedAgainAsStaleRatherThanRefused() {
        long now = System.currentTimeMillis();
        String old = digest.nonce(now - DigestAuthenticator.NONCE_LIFETIME_MILLIS - 1_000);
        Request request = SipFixture.register("2001", authorization("2001", "secret", old),
                "Contact: <sip:2001@198.51.100.7>");
        Response challenge = registrar.authenticate(request, PHONE, now);
        assertEquals(Response.UNAUTHORIZED, challenge.getStatusCode());
        WWWAuthenticateHeader header = (WWWAuthenticateHeader) challenge.getHeader(WWWAuthenticateHeader.NAME);
        assertEquals("RFC 2617 §3.2.1: the phone retries without asking its user", "true", header.getParameter("stale"));
        assertFalse("a fresh nonce", old.equals(header.getNonce()));
        assertFalse("a stale nonce is no failure", throttle.blocked(PHONE, now));
    }

    @Test
    public void credentialsAreBoundToTheMethodTheyWereComputedFor() {
        Request invite = SipFixture.request("INVITE sip:192.0.2.1 SIP/2.0",
                "Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK-9", "From: <sip:2001@192.0.2.1>;tag=1",
                "To: <sip:500@192.0.2.1>", "Call-ID: x", "CSeq: 2 INVITE", "Max-Forwards: 70",
                authorization("2001", "secret", freshNonce()));
        // The response was computed for REGISTER: the method is part of HA2, so it cannot sign an INVITE.
        assertEquals(Response.FORBIDDEN, registrar.authenticate(invite, PHONE, System.currentTimeMillis())
                .getStatusCode());
        String nonce = freshNonce();
        String ha1 = DigestAuthenticator.md5("2001:switchboard:secret");
        String ha2 = DigestAuthenticator.md5("INVITE:sip:192.0.2.1");
        String response = DigestAuthenticator.md5(ha1 + ":" + nonce + ":" + ha2);
        Request signed = SipFixture.request("INVITE sip:192.0.2.1 SIP/2.0",
                "Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK-10", "From: <sip:2001@192.0.2.1>;tag=1",
                "To: <sip:500@192.0.2.1>", "Call-ID: y", "CSeq: 3 INVITE", "Max-Forwards: 70",
                "Authorization: Digest username=\"2001\", realm=\"switchboard\", nonce=\"" + nonce
                        + "\", uri=\"sip:192.0.2.1\", response=\"" + response + "\"");
        assertNull(registrar.authenticate(signed, "198.51.100.9", System.currentTimeMillis()));
    }

    @Test
    public void theSourceIsTheAddressThePacketCameFromNotWhatViaClaims() {
        Request request = SipFixture.register("2001");
        RequestEventExt seen = new RequestEventExt(this, null, null, request);
        seen.setRemoteIpAddress("203.0.113.5");
        assertEquals("203.0.113.5", Registrar.source(seen));
        assertEquals("without the network's word, the Via host", PHONE,
                Registrar.source(new RequestEvent(this, null, null, request)));
        assertEquals(PHONE, Registrar.source(new RequestEventExt(this, null, null, request)));
    }

    @Test
    public void anExtensionHasAnAccountWhenItHasAPassword() {
        assertTrue(registrar.hasAccount("2001"));
        assertFalse(registrar.hasAccount("2999"));
    }

    @Test
    public void aSecondRegistrationReplacesTheFirstContact() {
        register(authorized("2001", "Contact: <sip:2001@198.51.100.7:5062>"));
        register(authorized("2001", "Contact: <sip:2001@198.51.100.99:5064;transport=tcp>"));
        Optional<Registrations.Binding> binding = registrations.find("2001", System.currentTimeMillis());
        assertEquals("the phone is rung where it registered last", "sip:2001@198.51.100.99:5064;transport=tcp",
                binding.orElseThrow().contact().toString());
        assertEquals(1, registrations.size());
        ListIterator<?> contacts = register(authorized("2001")).getHeaders(ContactHeader.NAME);
        int listed = 0;
        while (contacts.hasNext()) {
            contacts.next();
            listed++;
        }
        assertEquals(1, listed);
    }
}
