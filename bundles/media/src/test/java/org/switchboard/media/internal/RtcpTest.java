package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.media.Codec;

/** RTCP compound packets (RFC 3550 §6) as written and read, and two legs reporting to each other. */
public class RtcpTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aCompoundPacketReadsBackAsWritten() {
        RtcpPackets.SenderInfo sender = new RtcpPackets.SenderInfo(RtcpPackets.ntp(1_800_000_000L, 500_000_000),
                123_456L, 250, 40_000);
        RtcpPackets.Block block = new RtcpPackets.Block(0x1234_5678, 25, -3, 70_000, 44, 0xabcd_ef01L, 65_536);
        ByteBuffer out = ByteBuffer.allocate(160);
        RtcpPackets.write(out, 0x0bad_cafe, sender, block, "switchboard@127.0.0.1", true);
        out.flip();
        assertEquals("SR, SDES and BYE each end on a 32-bit boundary", 0, out.remaining() % 4);
        assertEquals(RtcpPackets.SR, out.get(1) & 0xff);
        assertTrue(new String(out.array(), StandardCharsets.ISO_8859_1).contains("switchboard@127.0.0.1"));

        RtcpPackets.Received read = RtcpPackets.read(out);
        assertEquals(0x0bad_cafe, read.ssrc());
        assertEquals(sender, read.sender());
        assertEquals(List.of(block), read.blocks());
        assertTrue(read.bye());
        assertEquals("the middle of NTP: seconds' low 16 bits and the fraction's high 16 (half a second)",
                ((1_800_000_000L + 2_208_988_800L) & 0xffff) << 16 | 0x8000, RtcpPackets.middle(sender.ntp()));
    }

    @Test
    public void aReceiverReportWithoutBlocksAndJunkAreToldApart() {
        ByteBuffer out = ByteBuffer.allocate(64);
        RtcpPackets.write(out, 7, null, null, "x", false);
        out.flip();
        RtcpPackets.Received read = RtcpPackets.read(out);
        assertEquals(7, read.ssrc());
        assertNull(read.sender());
        assertTrue(read.blocks().isEmpty());

        ByteBuffer rtp = ByteBuffer.allocate(RtpPacket.HEADER + 160);
        RtpPacket.writeHeader(rtp, 0, true, 1, 160, 9);
        assertNull("RTP is no RTCP", RtcpPackets.read(rtp));
        assertNull("a length beyond the packet", RtcpPackets.read(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 201, 0, 9})));
    }

    @Test
    public void theFractionLostCountsSinceThePreviousReport() {
        ReceptionStatistics statistics = new ReceptionStatistics();
        statistics.source(42);
        for (int sequence = 0; sequence < 100; sequence++) {
            if (sequence % 4 != 0) {
                statistics.packet(sequence, sequence * 160L, sequence * 160L);
            }
        }
        RtcpPackets.Block first = statistics.block(0);
        assertEquals(42, first.ssrc());
        assertEquals("25 of the 99 expected after the first heard", 24, first.cumulativeLost());
        assertEquals(24 * 256 / 99, first.fractionLost());
        for (int sequence = 100; sequence < 150; sequence++) {
            statistics.packet(sequence, sequence * 160L, sequence * 160L);
        }
        RtcpPackets.Block second = statistics.block(0);
        assertEquals("none lost since", 0, second.fractionLost());
        assertEquals(149, second.highestSequence());
        assertEquals("no sender report heard yet", 0, second.lastSenderReport());
    }

    @Test
    public void twoLegsReportToEachOtherAndMeasureTheRoundTrip() throws Exception {
        int min = 33000 + (int) (ProcessHandle.current().pid() % 1000) * 20;
        MediaEngine engine = MediaEngine.standalone("127.0.0.1", min, min + 19, folder.newFolder("prompts").toPath());
        try {
            RtpLeg a = (RtpLeg) engine.open();
            RtpLeg b = (RtpLeg) engine.open();
            a.connect(b.local(), Codec.PCMU, -1);
            b.connect(a.local(), Codec.PCMU, -1);
            short[] tone = new short[160];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (4000 * Math.sin(2 * Math.PI * i / 16.0));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (a.farEnd() == null || a.farEnd().roundTripMillis() < 0) {
                assertTrue("a round trip measured within 10 s", System.nanoTime() < deadline);
                a.sendMixed(tone, tone.length);
                b.sendMixed(tone, tone.length);
                // A reports as sender; B's next report carries A's report time back (LSR, DLSR). One frame each 20 ms.
                a.report(System.nanoTime(), false);
                b.report(System.nanoTime(), false);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            RtpLeg.FarEnd heard = a.farEnd();
            assertNotNull(heard);
            assertEquals(0, heard.lost());
            assertTrue("a loopback round trip is short: " + heard.roundTripMillis(), heard.roundTripMillis() < 1000);
            a.close();
            b.close();
        } finally {
            engine.stop();
        }
    }
}
