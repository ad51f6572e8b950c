package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.text.ParseException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sip.SipFactory;
import javax.sip.address.SipURI;

import org.junit.Before;
import org.junit.Test;

/** Where a new call goes, from the number it dialed alone: no SIP stack, no call handling. */
public class InviteRouterTest {

    private final Map<String, VoiceCall> parked = new HashMap<>();
    private final Map<String, VoiceCall> ringing = new HashMap<>();
    private final Set<String> entryPoints = new HashSet<>();
    private final Map<String, SipURI> phones = new HashMap<>();
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> outside = new HashSet<>();
    private InviteRouter router;

    @Before
    public void setUp() {
        router = new InviteRouter("**", parked::get, extension -> Optional.ofNullable(ringing.get(extension)),
                entryPoints::contains, number -> Optional.ofNullable(phones.get(number)), accounts::contains,
                outside::contains);
    }

    @Test
    public void anEntryPointGoesToItsFlow() {
        entryPoints.add("500");
        assertEquals(new InviteRouter.EntryPoint("500"), router.route("500"));
    }

    @Test
    public void aRegisteredExtensionRingsItsPhone() throws ParseException {
        SipURI contact = uri("2001");
        phones.put("2001", contact);
        accounts.add("2001");
        assertEquals(new InviteRouter.Extension("2001", contact), router.route("2001"));
    }

    @Test
    public void anExtensionWithoutAPhoneNowIsTemporarilyUnavailableNotUnknown() {
        accounts.add("2002");
        assertEquals(new InviteRouter.NoPhone("2002"), router.route("2002"));
    }

    @Test
    public void aNumberTheTrunkTakesGoesOutside() {
        outside.add("+74951234567");
        assertEquals(new InviteRouter.Outside("+74951234567"), router.route("+74951234567"));
    }

    @Test
    public void anythingElseGoesNowhereSayingWhy() {
        InviteRouter.Destination nowhere = router.route("999");
        assertTrue(nowhere instanceof InviteRouter.Nowhere);
        assertEquals("'999' is no entry point, extension or number to dial out", ((InviteRouter.Nowhere) nowhere).why());
        assertEquals(new InviteRouter.Nowhere("no user part"), router.route(null));
        assertEquals(new InviteRouter.Nowhere("no user part"), router.route(""));
    }

    @Test
    public void aParkSlotTakesTheParkedCallBeforeAnythingElseOfThatNumber() {
        VoiceCall call = call("parked");
        parked.put("701", call);
        entryPoints.add("701");
        InviteRouter.Destination slot = router.route("701");
        assertTrue(slot instanceof InviteRouter.ParkSlot);
        assertSame(call, ((InviteRouter.ParkSlot) slot).parked());
    }

    @Test
    public void thePickupCodeAnswersTheCallRingingAtTheExtension() {
        VoiceCall call = call("ringing");
        ringing.put("2002", call);
        InviteRouter.Destination pickup = router.route("**2002");
        assertEquals(new InviteRouter.Pickup("2002", call), pickup);
        assertEquals(new InviteRouter.NothingToPickUp("2003"), router.route("**2003"));
    }

    @Test
    public void thePickupCodeAloneIsNoPickup() {
        assertTrue(router.route("**") instanceof InviteRouter.Nowhere);
    }

    @Test
    public void anEntryPointWinsOverAPhoneOfTheSameNumber() throws ParseException {
        entryPoints.add("500");
        phones.put("500", uri("500"));
        assertEquals(new InviteRouter.EntryPoint("500"), router.route("500"));
    }

    @Test
    public void aPhoneWinsOverTheTrunk() throws ParseException {
        phones.put("2001", uri("2001"));
        outside.add("2001");
        assertTrue(router.route("2001") instanceof InviteRouter.Extension);
    }

    private static VoiceCall call(String id) {
        return new VoiceCall(id, id, id + "@host", "79161234567", "500", null, null, Instant.EPOCH);
    }

    private static SipURI uri(String user) throws ParseException {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            return factory.createAddressFactory().createSipURI(user, "127.0.0.1:5070");
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }
}
