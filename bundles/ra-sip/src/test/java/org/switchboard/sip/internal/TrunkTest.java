package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import javax.sip.ClientTransaction;

import org.junit.Test;

import gov.nist.javax.sip.clientauthutils.UserCredentials;

public class TrunkTest {

    @Test
    public void aTrunkByAddressHasTheDefaultsOfItsConfiguration() {
        Trunk trunk = Trunks.trunk("name", "carrier", "host", "203.0.113.10");
        assertEquals("carrier", trunk.name());
        assertEquals("203.0.113.10", trunk.host());
        assertEquals(5060, trunk.port());
        assertEquals("udp", trunk.transport());
        assertEquals("", trunk.username());
        assertEquals("", trunk.password());
        assertEquals("", trunk.callerNumber());
        assertFalse(trunk.register());
        assertEquals(3600, trunk.registerExpires());
        assertEquals("calls from the trunk are recognised by it", "203.0.113.10", trunk.address());
    }

    @Test
    public void valuesTypedWithSpacesAreTrimmedButPasswordsAreTakenAsTheyAre() {
        Trunk trunk = Trunks.trunk("name", " carrier ", "host", " 203.0.113.10 ", "username", " 4930123 ",
                "password", " pass word ", "caller_number", " 4930999 ");
        assertEquals("carrier", trunk.name());
        assertEquals("203.0.113.10", trunk.host());
        assertEquals("203.0.113.10", trunk.address());
        assertEquals("4930123", trunk.username());
        assertEquals(" pass word ", trunk.password());
        assertEquals("4930999", trunk.callerNumber());
    }

    @Test
    public void withoutACallerNumberTheUserIsShown() {
        Trunk trunk = Trunks.trunk("name", "carrier", "host", "203.0.113.10", "username", " 4930123 ",
                "caller_number", "  ");
        assertEquals("4930123", trunk.callerNumber());
    }

    @Test
    public void aRegistrationAsksForAtLeastAMinute() {
        assertEquals(60, Trunks.trunk("name", "c", "host", "203.0.113.10", "register_expires", 10).registerExpires());
        assertEquals(60, Trunks.trunk("name", "c", "host", "203.0.113.10", "register_expires", -1).registerExpires());
        assertEquals(600, Trunks.trunk("name", "c", "host", "203.0.113.10", "register_expires", 600).registerExpires());
    }

    @Test
    public void aRegisteringTrunkOverTcpKeepsItsSettings() {
        Trunk trunk = Trunks.trunk("name", "carrier", "host", "203.0.113.10", "port", 5080, "transport", "tcp",
                "register", true);
        assertTrue(trunk.register());
        assertEquals(5080, trunk.port());
        assertEquals("tcp", trunk.transport());
    }

    @Test
    public void aPhoneAccountTrimsItsExtensionButNotItsPassword() {
        PhoneAccount phone = Trunks.phone(" 2001 ", " secret");
        assertEquals("2001", phone.extension());
        assertEquals(" secret", phone.password());
    }

    private static ClientTransaction challenged(String requestUri) {
        return new SipFixture.Provider().transaction(SipFixture.request("INVITE " + requestUri + " SIP/2.0",
                "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1", "From: <sip:4930123@203.0.113.10>;tag=1",
                "To: <sip:79161234567@203.0.113.10>", "Call-ID: out-1", "CSeq: 1 INVITE", "Max-Forwards: 70"));
    }

    @Test
    public void aTrunksChallengeIsAnsweredWithItsOwnCredentials() {
        Trunk first = Trunks.trunk("name", "a", "host", "203.0.113.10", "username", "4930123", "password", "pw-a");
        Trunk second = Trunks.trunk("name", "b", "host", "198.51.100.20", "username", "555", "password", "pw-b");
        TrunkAccounts accounts = new TrunkAccounts(List.of(first, second));
        UserCredentials credentials = accounts.getCredentials(challenged("sip:79161234567@198.51.100.20:5060"),
                "carrier.example");
        assertEquals("555", credentials.getUserName());
        assertEquals("pw-b", credentials.getPassword());
        assertEquals("the realm the trunk named", "carrier.example", credentials.getSipDomain());
    }

    @Test
    public void noCredentialsForAHostThatIsNoTrunkOrATrunkWithoutUser() {
        Trunk byAddress = Trunks.trunk("name", "a", "host", "203.0.113.10");
        TrunkAccounts accounts = new TrunkAccounts(List.of(byAddress));
        assertNull("no user, nothing to answer with", accounts.getCredentials(challenged("sip:1@203.0.113.10"), "r"));
        assertNull("our password is not given to strangers",
                accounts.getCredentials(challenged("sip:1@203.0.113.99"), "r"));
        assertNull(new TrunkAccounts(List.of()).getCredentials(challenged("sip:1@203.0.113.10"), "r"));
    }

    @Test
    public void theTrunksHostIsComparedWithoutCase() {
        Trunk named = Trunks.trunk("name", "a", "host", "LocalHost", "username", "u", "password", "p");
        TrunkAccounts accounts = new TrunkAccounts(List.of(named));
        assertEquals("u", accounts.getCredentials(challenged("sip:1@localhost"), "r").getUserName());
    }

    @Test
    public void aTelUriIsNoTrunksHost() {
        Trunk trunk = Trunks.trunk("name", "a", "host", "203.0.113.10", "username", "u", "password", "p");
        assertNull(new TrunkAccounts(List.of(trunk)).getCredentials(challenged("tel:+4930123"), "r"));
    }
}
