package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetSocketAddress;

import org.junit.Test;
import org.switchboard.api.media.Codec;

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

    private static void assertRejected(String sdp, String reason) {
        try {
            Sdp.read(sdp);
            fail("accepted: " + sdp);
        } catch (SdpRejected e) {
            assertTrue(e.getMessage(), e.getMessage().contains(reason));
        }
    }
}
