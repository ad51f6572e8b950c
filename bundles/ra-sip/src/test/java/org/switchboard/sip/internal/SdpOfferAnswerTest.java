package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.Test;
import org.switchboard.api.media.Codec;

/** Offer and answer (RFC 3264) as the appliance reads and writes them. */
public class SdpOfferAnswerTest {

    private static final String HEAD = "v=0\r\no=phone 7 7 IN IP4 198.51.100.7\r\ns=-\r\n";
    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 30_000);

    private static String sdp(String... lines) {
        return HEAD + String.join("\r\n", lines) + "\r\n";
    }

    private static List<String> lines(String sdp) {
        return List.of(sdp.split("\r\n"));
    }

    @Test
    public void theCodecIsTheOffersFirstOneWeSpeak() {
        assertEquals(Codec.PCMU, Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0 8")).codec());
        assertEquals("RFC 3264 §6.1: the offerer's preference order", Codec.PCMA,
                Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 8 0")).codec());
        assertEquals(Codec.PCMU, Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 9 3 0")).codec());
    }

    @Test
    public void theMediasConnectionAddressWinsOverTheSessions() {
        SessionOffer offer = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0",
                "c=IN IP4 203.0.113.20"));
        assertEquals("RFC 4566 §5.7: media-level c= overrides", new InetSocketAddress("203.0.113.20", 4000),
                offer.address());
        SessionOffer mediaOnly = Sdp.read(sdp("t=0 0", "m=audio 4002 RTP/AVP 0", "c=IN IP4 203.0.113.21"));
        assertEquals(new InetSocketAddress("203.0.113.21", 4002), mediaOnly.address());
    }

    @Test
    public void aRejectedAudioStreamIsPassedOverForTheNextOne() {
        SessionOffer offer = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 0 RTP/AVP 0",
                "m=video 5000 RTP/AVP 31", "m=audio 4004 RTP/AVP 8"));
        assertEquals("a port of 0 declines a stream (RFC 3264 §5.1)", 4004, offer.address().getPort());
        assertEquals(Codec.PCMA, offer.codec());
    }

    @Test
    public void onlyDeclinedStreamsMeanNoAudio() {
        assertRejected(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 0 RTP/AVP 0"), "no active audio stream");
    }

    @Test
    public void aFormatThatIsNoPayloadTypeIsRejectedByName() {
        assertRejected(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0 pcmu"), "'pcmu'");
    }

    @Test
    public void telephoneEventsAreFoundWhateverTheCaseAndOnlyAt8000Hz() {
        assertEquals(101, Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0 101",
                "a=rtpmap:101 TELEPHONE-EVENT/8000")).telephoneEventType());
        assertEquals(-1, Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0 102",
                "a=rtpmap:102 telephone-event/16000")).telephoneEventType());
        assertEquals("none offered", -1,
                Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0")).telephoneEventType());
    }

    @Test
    public void theTelephoneEventsOfAnotherStreamDoNotCount() {
        SessionOffer offer = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0",
                "m=audio 4010 RTP/AVP 0 101", "a=rtpmap:101 telephone-event/8000"));
        assertEquals(4000, offer.address().getPort());
        assertEquals(-1, offer.telephoneEventType());
    }

    @Test
    public void theMediasDirectionWinsOverTheSessions() {
        SessionOffer offer = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "a=sendonly", "m=audio 4000 RTP/AVP 0",
                "a=sendrecv"));
        assertEquals(SessionOffer.Direction.SENDRECV, offer.direction());
        assertFalse(offer.direction().onHold());
        assertEquals(SessionOffer.Direction.RECVONLY, Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0",
                "m=audio 4000 RTP/AVP 0", "a=recvonly")).direction());
    }

    @Test
    public void holdIsSendonlyOrInactiveAndTheAnswerMirrorsIt() {
        assertTrue(SessionOffer.Direction.SENDONLY.onHold());
        assertTrue(SessionOffer.Direction.INACTIVE.onHold());
        assertFalse("a party that only listens still hears us", SessionOffer.Direction.RECVONLY.onHold());
        assertFalse(SessionOffer.Direction.SENDRECV.onHold());
        assertEquals(SessionOffer.Direction.SENDONLY, SessionOffer.Direction.RECVONLY.answer());
        assertEquals(SessionOffer.Direction.INACTIVE, SessionOffer.Direction.INACTIVE.answer());
        assertEquals(SessionOffer.Direction.SENDRECV, SessionOffer.Direction.SENDRECV.answer());
    }

    @Test
    public void ourOfferListsBothLawsAndTelephoneEventsAtOurAddress() {
        List<String> offer = lines(Sdp.offer(LOCAL));
        assertTrue(offer.toString(), offer.contains("c=IN IP4 192.0.2.1"));
        assertTrue(offer.contains("m=audio 30000 RTP/AVP 0 8 101"));
        assertTrue(offer.contains("a=rtpmap:0 PCMU/8000"));
        assertTrue(offer.contains("a=rtpmap:8 PCMA/8000"));
        assertTrue(offer.contains("a=rtpmap:101 telephone-event/8000"));
        assertTrue("the digits 0-9, * # and A-D (RFC 4733)", offer.contains("a=fmtp:101 0-15"));
        assertTrue(offer.contains("a=ptime:20"));
        assertTrue(offer.contains("a=sendrecv"));
        assertEquals("v=0", offer.get(0));
        assertTrue(offer.get(1), offer.get(1).matches("o=switchboard \\d+ 1 IN IP4 192\\.0\\.2\\.1"));
    }

    @Test
    public void eachOfferIsANewSession() {
        assertNotEquals(lines(Sdp.offer(LOCAL)).get(1), lines(Sdp.offer(LOCAL)).get(1));
    }

    @Test
    public void theAnswerCarriesOnlyTheChosenCodecAndTheOfferersEventType() {
        SessionOffer offer = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 8 0 96",
                "a=rtpmap:96 telephone-event/8000"));
        List<String> answer = lines(Sdp.answer(LOCAL, offer, SessionOffer.Direction.SENDRECV));
        assertTrue(answer.toString(), answer.contains("m=audio 30000 RTP/AVP 8 96"));
        assertTrue("the offerer's payload type for events is kept", answer.contains("a=rtpmap:96 telephone-event/8000"));
        assertFalse(answer.contains("a=rtpmap:0 PCMU/8000"));
        assertFalse("no payload type of our own offer", answer.toString().contains("101"));
    }

    @Test
    public void anOfferWithoutTelephoneEventsIsAnsweredWithoutThem() {
        SessionOffer offer = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0"));
        String answer = Sdp.answer(LOCAL, offer, SessionOffer.Direction.SENDRECV);
        assertTrue(answer, answer.contains("m=audio 30000 RTP/AVP 0\r\n"));
        assertFalse(answer, answer.contains("telephone-event"));
        assertFalse(answer, answer.contains("a=fmtp"));
    }

    @Test
    public void theAnswersDirectionIsTheOneAskedFor() {
        SessionOffer hold = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0", "a=sendonly"));
        String answer = Sdp.answer(LOCAL, hold, hold.direction().answer());
        assertTrue(answer, answer.contains("a=recvonly\r\n"));
        assertFalse(answer, answer.contains("a=sendrecv"));
        assertEquals("what we answer reads back as we wrote it", SessionOffer.Direction.RECVONLY,
                Sdp.read(answer).direction());
        assertEquals(SessionOffer.Direction.INACTIVE,
                Sdp.read(Sdp.answer(LOCAL, hold, SessionOffer.Direction.INACTIVE)).direction());
    }

    @Test
    public void ourAnswerReadsBackAsTheSameSession() {
        SessionOffer offer = Sdp.read(sdp("c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0 101",
                "a=rtpmap:101 telephone-event/8000"));
        SessionOffer read = Sdp.read(Sdp.answer(LOCAL, offer, SessionOffer.Direction.SENDRECV));
        assertEquals(new SessionOffer(LOCAL, Codec.PCMU, 101, SessionOffer.Direction.SENDRECV), read);
    }

    @Test
    public void anEmptyBodyIsNoOffer() {
        try {
            Sdp.read("");
            fail("an empty body was read as an offer");
        } catch (SdpRejected e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("the SDP"));
        }
    }

    private static void assertRejected(String sdp, String reason) {
        try {
            Sdp.read(sdp);
            fail("accepted: " + sdp);
        } catch (SdpRejected e) {
            assertTrue(e.getMessage(), e.getMessage().contains(reason));
        }
    }
}
