package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.switchboard.media.internal.Eventually.sizeOf;
import static org.switchboard.media.internal.Eventually.waitFor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.media.Codec;
import org.switchboard.api.media.MediaLeg;

/** A party's message recorded by the engine from RTP sent over the loopback interface. */
public class MessageRecordingTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MediaEngine engine;
    private DatagramChannel phone;
    private MediaLeg leg;
    private final BlockingQueue<Duration> lengths = new LinkedBlockingQueue<>();

    @Before
    public void start() throws Exception {
        int min = 31000 + (int) (ProcessHandle.current().pid() % 1000) * 20;
        engine = MediaEngine.standalone("127.0.0.1", min, min + 19, folder.newFolder("prompts").toPath());
        phone = DatagramChannel.open();
        phone.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        leg = engine.open();
        leg.connect((InetSocketAddress) phone.getLocalAddress(), Codec.PCMA, 101);
    }

    @After
    public void stop() throws Exception {
        leg.close();
        engine.stop();
        phone.close();
    }

    @Test
    public void whatThePartySaysIsWrittenMonoAtItsTimestampsWithSilenceForWhatWasLost() throws Exception {
        Path file = folder.getRoot().toPath().resolve("messages/one.wav");
        leg.recordMessage(file, Duration.ofSeconds(30), lengths::add);
        // One second of speech in 50 packets; the 10 packets from the 20th are lost.
        for (int i = 0; i < 50; i++) {
            if (i < 20 || i >= 30) {
                send(i, 1000L + i * 160, G711.encode(Codec.PCMA, (short) 4000));
            }
        }
        waitFor(() -> leg.statistics().packetsReceived() == 40);
        waitFor(() -> sizeOf(file) >= 44 + 2 * 8000 + 2 * 640);
        leg.stopRecording();
        Duration length = lengths.poll(5, TimeUnit.SECONDS);

        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("mono", 1, wav.getShort(22));
        assertEquals(8000, wav.getInt(24));
        assertEquals(16, wav.getShort(34));
        int samples = wav.getInt(40) / 2;
        assertEquals(wav.limit() - 44, 2 * samples);
        assertEquals("the length reported is the file's", samples * 1000L / 8000, length.toMillis());
        int first = -1;
        int heard = 0;
        for (int i = 0; i < samples; i++) {
            short sample = wav.getShort(44 + 2 * i);
            if (sample != 0) {
                first = first < 0 ? i : first;
                heard++;
                assertTrue("decoded close to what was sent: " + sample, Math.abs(sample - 4000) < 200);
            }
        }
        assertEquals("every sample received is there, once", 40 * 160, heard);
        for (int i = first + 20 * 160; i < first + 30 * 160; i++) {
            assertEquals("silence where packets were lost, at " + i, 0, wav.getShort(44 + 2 * i));
        }
        assertTrue("the last packet is in place", wav.getShort(44 + 2 * (first + 50 * 160 - 1)) != 0);
        assertNull("reported once", lengths.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    public void theRecordingEndsByItselfAtItsLongestLength() throws Exception {
        Path file = folder.getRoot().toPath().resolve("short.wav");
        leg.recordMessage(file, Duration.ofMillis(300), lengths::add);
        assertEquals(Duration.ofMillis(300), lengths.poll(5, TimeUnit.SECONDS));
        assertEquals(44 + 2 * 2400, Files.size(file));
        leg.stopRecording();
        assertNull("reported once", lengths.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    public void aPartyThatHangsUpLeavesWhatTheySaid() throws Exception {
        Path file = folder.getRoot().toPath().resolve("hung-up.wav");
        leg.recordMessage(file, Duration.ofSeconds(30), lengths::add);
        for (int i = 0; i < 25; i++) {
            send(i, i * 160L, G711.encode(Codec.PCMA, (short) -3000));
        }
        waitFor(() -> sizeOf(file) >= 44 + 2 * 4000 + 2 * 640);
        leg.close();
        Duration length = lengths.poll(5, TimeUnit.SECONDS);
        assertTrue("about half a second or more: " + length, length.toMillis() >= 500);
        assertEquals(44 + length.toMillis() * 16, Files.size(file));
        assertNull("reported once", lengths.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    public void aSecondRecordingFinishesTheFirst() throws Exception {
        BlockingQueue<Duration> first = new LinkedBlockingQueue<>();
        leg.recordMessage(folder.getRoot().toPath().resolve("first.wav"), Duration.ofSeconds(30), first::add);
        leg.recordMessage(folder.getRoot().toPath().resolve("second.wav"), Duration.ofMillis(100), lengths::add);
        assertTrue(first.poll(5, TimeUnit.SECONDS) != null);
        assertEquals(Duration.ofMillis(100), lengths.poll(5, TimeUnit.SECONDS));
    }

    private void send(int sequence, long timestamp, byte sample) throws IOException {
        ByteBuffer packet = ByteBuffer.allocate(RtpPacket.HEADER + 160);
        RtpPacket.writeHeader(packet, 8, false, sequence, timestamp, 42);
        for (int i = 0; i < 160; i++) {
            packet.put(RtpPacket.HEADER + i, sample);
        }
        phone.send(packet, leg.local());
    }
}
