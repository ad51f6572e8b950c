package org.switchboard.benchmarks.media;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.api.media.Codec;
import org.switchboard.api.media.MediaBridge;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.media.internal.MediaEngine;

/**
 * How many bridged, recorded G.711 calls the media engine carries: for each call a caller and an agent
 * socket send 50 packets/s of µ-law to their legs; the engine relays each to the other side and records both
 * into a stereo WAV. Loss and jitter are measured where the relayed packets arrive. Generator, receiver and
 * engine share this one JVM (and the machine's cores), so the figures are a lower bound.
 *
 * <pre>java ... MediaCapacity [calls=500] [seconds=30]</pre>
 */
public final class MediaCapacity {

    private static final int FRAME = 160;

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path work = Files.createTempDirectory("media-capacity");
        // Below the kernel's ephemeral ports, where the parties' sockets are bound.
        MediaEngine engine = MediaEngine.standalone("127.0.0.1", 10_000, 10_000 + 4 * calls + 100, work);
        List<Stream> streams = new ArrayList<>();
        List<MediaBridge> bridges = new ArrayList<>();
        Selector selector = Selector.open();
        for (int i = 0; i < calls; i++) {
            MediaLeg caller = engine.open();
            MediaLeg agent = engine.open();
            Stream fromCaller = new Stream(caller);
            Stream fromAgent = new Stream(agent);
            caller.connect(fromCaller.local(), Codec.PCMU, 101);
            agent.connect(fromAgent.local(), Codec.PCMA, -1);
            bridges.add(engine.bridge(caller, agent, work.resolve("call-" + i + ".wav")));
            fromCaller.channel.register(selector, SelectionKey.OP_READ, fromCaller);
            fromAgent.channel.register(selector, SelectionKey.OP_READ, fromAgent);
            streams.add(fromCaller);
            streams.add(fromAgent);
        }
        Receiver receiver = new Receiver(selector);
        Thread receiving = new Thread(receiver, "receiver");
        receiving.start();

        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long tick = start;
        long sendLate = 0;
        long ticks = (long) seconds * 50;
        for (long n = 0; n < ticks; n++) {
            for (Stream stream : streams) {
                stream.send(n);
            }
            tick += 20_000_000L;
            long wait = tick - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                sendLate++;
            }
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        // Let the last packets arrive, then stop.
        Thread.sleep(500);
        receiver.stop();
        receiving.join();
        bridges.forEach(MediaBridge::close);

        long sent = 0;
        long received = 0;
        double jitterSum = 0;
        double jitterMax = 0;
        for (Stream stream : streams) {
            sent += stream.sent;
            received += stream.peer(streams).received;
        }
        for (Stream stream : streams) {
            jitterSum += stream.jitterMillis();
            jitterMax = Math.max(jitterMax, stream.jitterMillis());
        }
        long recorded = 0;
        try (var files = Files.list(work)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                recorded += Files.size(file);
            }
        }
        double lossPercent = 100.0 * (sent - received) / sent;
        System.out.printf("calls %d, %d s: sent %,d packets (%,.0f/s), relayed and received %,d; loss %.4f %%%n",
                calls, seconds, sent, sent / (elapsed / 1e9), received, lossPercent);
        System.out.printf("jitter at the receivers: mean %.2f ms, worst stream %.2f ms; generator late on %d of %d ticks%n",
                jitterSum / streams.size(), jitterMax, sendLate, ticks);
        System.out.printf("CPU of the whole process: %.2f cores (engine + generator + receiver); recorded %,d MiB%n",
                cpu / (double) elapsed, recorded >> 20);
        engine.stop();
        try (var files = Files.list(work)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One party's socket: sends a frame per tick to its leg, and receives what the engine relays to it. */
    private static final class Stream {
        final DatagramChannel channel;
        final MediaLeg leg;
        final ByteBuffer out = ByteBuffer.allocateDirect(12 + FRAME);
        final int ssrc = (int) (Math.random() * Integer.MAX_VALUE);
        long sent;
        long received;
        long lastTransit = Long.MIN_VALUE;
        double jitter;

        Stream(MediaLeg leg) throws IOException {
            this.leg = leg;
            this.channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            channel.configureBlocking(false);
            for (int i = 0; i < FRAME; i++) {
                out.put(12 + i, (byte) (0x55 ^ (i * 7)));
            }
        }

        InetSocketAddress local() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        Stream peer(List<Stream> all) {
            int index = all.indexOf(this);
            return all.get(index % 2 == 0 ? index + 1 : index - 1);
        }

        void send(long n) throws IOException {
            out.clear();
            out.put(0, (byte) 0x80).put(1, (byte) 0).putShort(2, (short) n)
                    .putInt(4, (int) (n * FRAME)).putInt(8, ssrc);
            out.limit(12 + FRAME);
            if (channel.send(out, leg.local()) > 0) {
                sent++;
            }
        }

        void arrived(ByteBuffer packet, long nanos) {
            int type = packet.get(1) & 0xff;
            if (type >= 192 && type <= 223) {
                return; // RTCP from a leg whose RTP port is this one's neighbour (RFC 5761 §4): not a relayed frame
            }
            received++;
            long timestamp = packet.getInt(4) & 0xffffffffL;
            long transit = nanos / 125_000 - timestamp;
            if (lastTransit != Long.MIN_VALUE) {
                jitter += (Math.abs(transit - lastTransit) - jitter) / 16.0;
            }
            lastTransit = transit;
        }

        double jitterMillis() {
            return jitter / 8.0;
        }
    }

    /** Reads every party's socket on one selector thread. */
    private static final class Receiver implements Runnable {
        private final Selector selector;
        private volatile boolean running = true;

        Receiver(Selector selector) {
            this.selector = selector;
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        @Override
        public void run() {
            ByteBuffer packet = ByteBuffer.allocateDirect(2048);
            try {
                while (running) {
                    selector.select(100);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Stream stream = (Stream) key.attachment();
                        DatagramChannel channel = (DatagramChannel) key.channel();
                        while (true) {
                            packet.clear();
                            if (channel.receive(packet) == null) {
                                break;
                            }
                            packet.flip();
                            stream.arrived(packet, System.nanoTime());
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
