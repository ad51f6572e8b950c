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

/** SDP offer and answer (RFC 3264) as the appliance reads and writes them, and what it refuses. */
public class SdpTest {

    private static final String OFFER = "v=0\r\no=alice 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
            + "m=audio 49170 RTP/AVP 18 8 0 96\r\na=rtpmap:18 G729/8000\r\na=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-16\r\n";

    @Test
    public void theFirstG711OfTheOfferIsChosenWithItsTelephoneEvents() {
        SessionOffer offer = Sdp.read(OFFER);
        assertEquals(new InetSocketAddress("10.0.0.5", 49170), offer.address());
        assertEquals(Codec.PCMA, offer.codec());
        assertEquals(96, offer.telephoneEventType());
        assertEquals(SessionOffer.Direction.SENDRECV, offer.direction());
    }

    @Test
    public void holdIsReadFromTheMediaOrTheSession() {
        assertTrue(Sdp.read(OFFER + "a=sendonly\r\n").direction().onHold());
        assertTrue(Sdp.read(OFFER.replace("t=0 0\r\n", "t=0 0\r\na=inactive\r\n")).direction().onHold());
        assertEquals(SessionOffer.Direction.RECVONLY, SessionOffer.Direction.SENDONLY.answer());
    }

    @Test
    public void anOfferWithoutG711OrAudioIsRejectedSayingWhy() {
        assertRejected(OFFER.replace("RTP/AVP 18 8 0 96", "RTP/AVP 18 96"), "no codec in common");
        assertRejected("v=0\r\no=a 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=video 5000 RTP/AVP 31\r\nc=IN IP4 1.2.3.4\r\n",
                "no active audio");
        assertRejected("this is not SDP", "no media stream");
        assertRejected(OFFER.replace("c=IN IP4 10.0.0.5\r\n", ""), "no connection address");
    }

    @Test
    public void aPortOutsideOneTo65534IsRefusedAndPortZeroDeclinesTheStream() {
        assertRejected(OFFER.replace("m=audio 49170", "m=audio 99999"), "audio port 99999 is out of range");
        assertRejected(OFFER.replace("m=audio 49170", "m=audio -1"), "audio port -1 is out of range");
        assertRejected(OFFER.replace("m=audio 49170", "m=audio 65535"), "RTCP on the next");
        assertRejected(OFFER.replace("m=audio 49170", "m=audio 99999999999"), "cannot be read");
        assertRejected(OFFER.replace("m=audio 49170", "m=audio 0"), "no active audio");
        assertEquals(65534, Sdp.read(OFFER.replace("m=audio 49170", "m=audio 65534")).address().getPort());
        assertEquals(1, Sdp.read(OFFER.replace("m=audio 49170", "m=audio 1")).address().getPort());
    }

    @Test
    public void aConnectionAddressMustBeAUnicastLiteralOfItsType() {
        for (String bad : new String[] {"IN IP4 999.1.2.3", "IN IP4 example.com", "IN IP4 224.2.1.1/127", "IN IP4 ",
                "IN IP4 1.2.3.4 extra", "IN IP4 ::1", "IN IP6 10.0.0.5", "IN IP6 fe80::1%eth0", "XX IP4 10.0.0.5",
                "IN IP6 ff02::1"}) {
            assertRejected(OFFER.replace("c=IN IP4 10.0.0.5", "c=" + bad), "is no unicast IP4 or IP6 address");
        }
        assertEquals(new InetSocketAddress("::1", 49170),
                Sdp.read(OFFER.replace("c=IN IP4 10.0.0.5", "c=IN IP6 ::1")).address());
        // The old way of putting a call on hold (RFC 2543) is still understood.
        assertEquals(new InetSocketAddress("0.0.0.0", 49170),
                Sdp.read(OFFER.replace("c=IN IP4 10.0.0.5", "c=IN IP4 0.0.0.0")).address());
        assertTrue("never looked up", Sdp.read(OFFER).address().getHostString().equals("10.0.0.5"));
    }

    @Test
    public void whatWouldFailLaterIsRefusedOrLeftOutNow() {
        assertRejected(OFFER.replace("RTP/AVP 18 8 0 96", "RTP/AVP"), "no codec in common: offered []");
        assertRejected(OFFER.replace("RTP/AVP 18 8 0 96", "RTP/AVP 0 abc"), "the audio format 'abc' is not");
        assertEquals("an event type beyond 7 bits is none", -1,
                Sdp.read(OFFER.replace("a=rtpmap:96 telephone-event", "a=rtpmap:300 telephone-event")).telephoneEventType());
        assertRejected("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n",
                "the SDP cannot be read");
    }

    @Test
    public void noReasonCarriesAJavaObjectId() {
        String[] broken = {OFFER.replace("m=audio 49170", "m=audio abc"), OFFER.replace("v=0", "v=x"),
            OFFER.replace("c=IN IP4 10.0.0.5", "c=IN"), "m=audio"};
        for (String sdp : broken) {
            try {
                Sdp.read(sdp);
                fail("accepted: " + sdp);
            } catch (SdpRejected e) {
                assertTrue(e.getMessage(), !e.getMessage().matches("(?s).*@[0-9a-f]{4,}.*"));
                assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
            }
        }
    }

    @Test
    public void theApplianceOffersBothLawsAndAnswersWithTheChosenOne() {
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 20000);
        SessionOffer ours = Sdp.read(Sdp.offer(local));
        assertEquals(local, ours.address());
        assertEquals(Codec.PCMU, ours.codec());
        assertEquals(Sdp.TELEPHONE_EVENT, ours.telephoneEventType());
        String answer = Sdp.answer(local, Sdp.read(OFFER), SessionOffer.Direction.SENDRECV);
        assertTrue(answer, answer.contains("m=audio 20000 RTP/AVP 8 96\r\n"));
        assertEquals(Codec.PCMA, Sdp.read(answer).codec());
    }

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
