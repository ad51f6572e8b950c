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
