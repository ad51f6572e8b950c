package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.switchboard.media.internal.Eventually.sizeOf;
import static org.switchboard.media.internal.Eventually.waitFor;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.media.Codec;
import org.switchboard.api.media.MediaBridge;
import org.switchboard.api.media.MediaLeg;

/** The engine over the loopback interface, with two datagram sockets playing the phones. */
public class MediaEngineTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MediaEngine engine;
    private DatagramChannel caller;
    private DatagramChannel agent;

    @Before
    public void start() throws Exception {
        Path prompts = folder.newFolder("prompts").toPath();
        writeMonoWav(prompts.resolve("beep.wav"), 800, (short) 8000);
        engine = new MediaEngine();
        engine.activate(config(prompts.toString()));
        caller = phone();
        agent = phone();
    }

    @After
    public void stop() throws Exception {
        engine.deactivate();
        caller.close();
        agent.close();
    }

    @Test
    public void aPromptIsSentInTwentyMillisecondFramesAndItsEndIsReported() throws Exception {
        MediaLeg leg = engine.open();
        leg.connect((InetSocketAddress) caller.getLocalAddress(), Codec.PCMA, 101);
        CountDownLatch done = new CountDownLatch(1);
        leg.play("beep", done::countDown);
        assertTrue("prompt end reported", done.await(5, TimeUnit.SECONDS));
        int samples = 0;
        ByteBuffer packet = ByteBuffer.allocate(2048);
        while (receive(caller, packet, 200)) {
            assertEquals(8, RtpPacket.payloadType(packet));
            samples += RtpPacket.payloadLength(packet);
        }
        assertEquals(800, samples);
        assertEquals(5, leg.statistics().packetsSent());
        leg.close();
    }

    @Test
    public void bridgedLegsRelayEachOtherAndTheRecordingHasBothSides() throws Exception {
        MediaLeg a = engine.open();
        MediaLeg b = engine.open();
        a.connect((InetSocketAddress) caller.getLocalAddress(), Codec.PCMU, 101);
        b.connect((InetSocketAddress) agent.getLocalAddress(), Codec.PCMA, -1);
        Path recording = folder.getRoot().toPath().resolve("rec/call.wav");
        MediaBridge bridge = engine.bridge(a, b, recording);
        BlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        a.onDigit(digits::add);

        for (int i = 0; i < 50; i++) {
            send(caller, a, 0, i, i * 160, G711.encode(Codec.PCMU, (short) 4000));
            send(agent, b, 8, i, i * 160, G711.encode(Codec.PCMA, (short) -4000));
        }
        sendDtmf(caller, a, 7, 50, 50 * 160);
        sendDtmf(caller, a, 7, 51, 50 * 160);
        ByteBuffer packet = ByteBuffer.allocate(2048);
        assertTrue("agent hears the caller", receive(agent, packet, 2000));
        assertEquals("transcoded to the agent's codec", 8, RtpPacket.payloadType(packet));
        short heard = G711.decode(Codec.PCMA, packet.get(RtpPacket.payloadOffset(packet)));
        assertTrue("heard " + heard, Math.abs(heard - 4000) < 200);
        assertTrue("caller hears the agent", receive(caller, packet, 2000));
        assertEquals(0, RtpPacket.payloadType(packet));
        assertEquals(Character.valueOf('7'), digits.poll(2, TimeUnit.SECONDS));
        assertEquals("one digit for two packets of one event", null, digits.poll(100, TimeUnit.MILLISECONDS));
        waitFor(() -> a.statistics().packetsReceived() == 52 && b.statistics().packetsReceived() == 50);
        assertEquals(0, a.statistics().packetsLost());
        // Let the recording clock pass the jitter buffer's delay and the second of audio sent before the bridge ends.
        waitFor(() -> sizeOf(recording) >= 44 + 4 * 8000 * 2);
        bridge.close();

        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(recording)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("stereo", 2, wav.getShort(22));
        assertEquals(wav.limit() - 44, wav.getInt(40));
        long left = 0;
        long right = 0;
        for (int at = 44; at + 4 <= wav.limit(); at += 4) {
            left += Math.abs(wav.getShort(at));
            right += Math.abs(wav.getShort(at + 2));
        }
        assertTrue("caller on the left", left > 0);
        assertTrue("agent on the right", right > 0);
        a.close();
        b.close();
    }

    @Test
    public void aWhisperingSupervisorIsHeardByTheAgentAndNotByTheCaller() throws Exception {
        DatagramChannel supervisor = phone();
        MediaLeg a = engine.open();
        MediaLeg b = engine.open();
        MediaLeg s = engine.open();
        a.connect((InetSocketAddress) caller.getLocalAddress(), Codec.PCMU, -1);
        b.connect((InetSocketAddress) agent.getLocalAddress(), Codec.PCMU, -1);
        s.connect((InetSocketAddress) supervisor.getLocalAddress(), Codec.PCMU, -1);
        MediaBridge bridge = engine.bridge(a, b, null);
        bridge.monitor(s, org.switchboard.api.media.MonitorMode.WHISPER);
        for (int i = 0; i < 50; i++) {
            send(caller, a, 0, i, i * 160, G711.encode(Codec.PCMU, (short) 1000));
            send(agent, b, 0, i, i * 160, G711.encode(Codec.PCMU, (short) -1000));
            send(supervisor, s, 0, i, i * 160, G711.encode(Codec.PCMU, (short) 3000));
            Thread.sleep(5);
        }
        java.util.Set<Integer> agentHeard = levels(agent);
        java.util.Set<Integer> callerHeard = levels(caller);
        java.util.Set<Integer> supervisorHeard = levels(supervisor);
        assertTrue("the agent hears caller and supervisor: " + agentHeard, agentHeard.contains(4000));
        assertTrue("the caller hears the agent: " + callerHeard, callerHeard.contains(-1000));
        assertTrue("never the supervisor: " + callerHeard, callerHeard.stream().allMatch(l -> l == -1000 || l == 0));
        assertTrue("the supervisor hears both: " + supervisorHeard, supervisorHeard.contains(0));
        assertTrue(supervisorHeard.stream().allMatch(l -> l == 0 || l == 1000 || l == -1000));

        // Barging in, the supervisor is heard by the caller too.
        bridge.monitor(s, org.switchboard.api.media.MonitorMode.BARGE);
        for (int i = 50; i < 100; i++) {
            send(caller, a, 0, i, i * 160, G711.encode(Codec.PCMU, (short) 1000));
            send(agent, b, 0, i, i * 160, G711.encode(Codec.PCMU, (short) -1000));
            send(supervisor, s, 0, i, i * 160, G711.encode(Codec.PCMU, (short) 3000));
            Thread.sleep(5);
        }
        assertTrue("barging, the caller hears agent and supervisor", levels(caller).contains(2000));

        bridge.stopMonitoring();
        s.close();
        supervisor.close();
        bridge.close();
        a.close();
        b.close();
    }

    /** The levels (to the nearest 1000) of the first sample of the packets a phone received in a second. */
    private static java.util.Set<Integer> levels(DatagramChannel phone) throws IOException {
        java.util.Set<Integer> levels = new java.util.TreeSet<>();
        ByteBuffer packet = ByteBuffer.allocate(2048);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < until && receive(phone, packet, 300)) {
            short sample = G711.decode(Codec.PCMU, packet.get(RtpPacket.payloadOffset(packet)));
            levels.add(Math.round(sample / 1000f) * 1000);
        }
        return levels;
    }

    @Test
    public void closedPortsGoBackToThePool() {
        MediaLeg leg = engine.open();
        int port = leg.local().getPort();
        assertEquals(0, port % 2);
        leg.close();
        MediaLeg next = engine.open();
        assertTrue(next.local().getPort() != port);
        next.close();
    }

    private static DatagramChannel phone() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return channel;
    }

    private static void send(DatagramChannel from, MediaLeg to, int type, int sequence, long timestamp, byte sample)
            throws IOException {
        ByteBuffer packet = ByteBuffer.allocate(RtpPacket.HEADER + 160);
        RtpPacket.writeHeader(packet, type, false, sequence, timestamp, 42);
        for (int i = 0; i < 160; i++) {
            packet.put(RtpPacket.HEADER + i, sample);
        }
        from.send(packet, to.local());
    }

    private static void sendDtmf(DatagramChannel from, MediaLeg to, int event, int sequence, long timestamp)
            throws IOException {
        ByteBuffer packet = ByteBuffer.allocate(RtpPacket.HEADER + 4);
        RtpPacket.writeHeader(packet, 101, true, sequence, timestamp, 42);
        packet.put(RtpPacket.HEADER, (byte) event).put(RtpPacket.HEADER + 1, (byte) 10).putShort(RtpPacket.HEADER + 2, (short) 160);
        from.send(packet, to.local());
    }

    private static boolean receive(DatagramChannel channel, ByteBuffer packet, int timeoutMillis) throws IOException {
        channel.socket().setSoTimeout(timeoutMillis);
        packet.clear();
        try {
            byte[] data = new byte[2048];
            java.net.DatagramPacket datagram = new java.net.DatagramPacket(data, data.length);
            channel.socket().receive(datagram);
            packet.put(data, 0, datagram.getLength()).flip();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    static void writeMonoWav(Path file, int samples, short value) throws IOException {
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.putInt(0x46464952).putInt(36 + 2 * samples).putInt(0x45564157);
        wav.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.putInt(0x61746164).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort(value);
        }
        Files.write(file, wav.array());
    }

    private static MediaConfig config(String prompts) {
        return new MediaConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MediaConfig.class;
            }

            @Override
            public String rtp_address() {
                return "127.0.0.1";
            }

            @Override
            public int rtp_port_min() {
                return 30000 + (int) (ProcessHandle.current().pid() % 1000) * 20;
            }

            @Override
            public int rtp_port_max() {
                return rtp_port_min() + 19;
            }

            @Override
            public String prompts_directory() {
                return prompts;
            }
        };
    }
}
