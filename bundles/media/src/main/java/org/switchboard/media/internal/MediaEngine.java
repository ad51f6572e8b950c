package org.switchboard.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaBridge;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;

/**
 * The media engine: one thread receives the RTP and RTCP of every leg (non-blocking channels on one selector),
 * one clock sends prompt frames every 20 ms and RTCP reports every few seconds, and another writes recordings
 * every 20 ms, so that a slow disk never delays what callers hear.
 */
@Component(configurationPid = MediaConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MediaConfig.class)
public class MediaEngine implements MediaService {

    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
    private static final long FRAME_MICROS = 20_000;

    private final AtomicLong legNumbers = new AtomicLong();
    private final Set<RtpLeg> legs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CopyOnWriteArrayList<LegBridge> bridges = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<MessageRecorder> messages = new CopyOnWriteArrayList<>();
    private final Queue<RtpLeg> toRegister = new ConcurrentLinkedQueue<>();
    private InetAddress address;
    private PortPool ports;
    private PromptLibrary prompts;
    private Selector selector;
    private Thread receiver;
    private ScheduledExecutorService playoutClock;
    /** Keeps one failing leg or bridge from stopping the media clock's pass for all the others. */
    private final Isolation isolation = new Isolation();
    private ScheduledExecutorService recordingClock;
    private ExecutorService notifier;
    private volatile boolean running;

    @Activate
    void activate(MediaConfig config) throws IOException {
        address = InetAddress.getByName(config.rtp_address());
        ports = new PortPool(config.rtp_port_min(), config.rtp_port_max());
        prompts = new PromptLibrary(promptFolder(config.prompts_directory()));
        selector = Selector.open();
        running = true;
        receiver = new Thread(this::receive, "media-rtp-receiver");
        receiver.setDaemon(true);
        receiver.setPriority(Thread.MAX_PRIORITY);
        receiver.start();
        playoutClock = Executors.newSingleThreadScheduledExecutor(daemon("media-playout-clock"));
        playoutClock.scheduleAtFixedRate(this::playout, FRAME_MICROS, FRAME_MICROS, TimeUnit.MICROSECONDS);
        playoutClock.scheduleAtFixedRate(this::reportRtcp, 1, 1, TimeUnit.SECONDS);
        recordingClock = Executors.newSingleThreadScheduledExecutor(daemon("media-recording-clock"));
        recordingClock.scheduleAtFixedRate(this::record, FRAME_MICROS, FRAME_MICROS, TimeUnit.MICROSECONDS);
        notifier = Executors.newSingleThreadExecutor(daemon("media-prompt-notifier"));
        LOG.info("Media engine started: RTP at {} ports {}-{}, {} port pairs, prompts in {}", address.getHostAddress(),
                config.rtp_port_min(), config.rtp_port_max(), ports.available(), prompts.folder());
    }

    /** An engine outside OSGi (benchmarks, embedding): RTP at {@code address}, ports {@code min}-{@code max}. */
    public static MediaEngine standalone(String address, int min, int max, Path prompts) throws IOException {
        MediaEngine engine = new MediaEngine();
        engine.activate(new MediaConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return MediaConfig.class;
            }

            @Override
            public String rtp_address() {
                return address;
            }

            @Override
            public int rtp_port_min() {
                return min;
            }

            @Override
            public int rtp_port_max() {
                return max;
            }

            @Override
            public String prompts_directory() {
                return prompts.toString();
            }
        });
        return engine;
    }

    /** Stops a {@link #standalone} engine. */
    public void stop() throws IOException, InterruptedException {
        deactivate();
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        running = false;
        bridges.forEach(LegBridge::close);
        legs.forEach(RtpLeg::close);
        playoutClock.shutdownNow();
        // Not interrupted: an interrupt closes the file channel a recording is being written to.
        recordingClock.shutdown();
        recordingClock.awaitTermination(2, TimeUnit.SECONDS);
        // Messages still being left end here, their length reported at once (running is false).
        messages.forEach(MessageRecorder::finish);
        notifier.shutdownNow();
        selector.close();
        receiver.join(2000);
        LOG.info("Media engine stopped");
    }

    static Path promptFolder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        return Paths.get(System.getProperty("karaf.etc", "etc"), "prompts").toAbsolutePath().normalize();
    }

    @Override
    public MediaLeg open() {
        if (!running) {
            throw new MediaUnavailableException("the media engine is stopping");
        }
        for (int attempt = 0; attempt < 16; attempt++) {
            int port = ports.take();
            if (port < 0) {
                throw new MediaUnavailableException("no free RTP port in the configured range (" + legs.size()
                        + " legs open)");
            }
            DatagramChannel rtp = null;
            DatagramChannel rtcp = null;
            try {
                rtp = bind(port);
                rtcp = bind(port + 1);
                RtpLeg leg = new RtpLeg("leg-" + legNumbers.incrementAndGet(), rtp, rtcp,
                        new InetSocketAddress(address, port), this);
                legs.add(leg);
                toRegister.add(leg);
                selector.wakeup();
                return leg;
            } catch (IOException e) {
                // Another program holds this port: leave it out of the pool and try the next one.
                LOG.warn("RTP port {} or {} is taken by another program; skipping it", port, port + 1);
                closeQuietly(rtp);
                closeQuietly(rtcp);
            }
        }
        throw new MediaUnavailableException("no RTP port could be bound in the configured range");
    }

    private DatagramChannel bind(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
        channel.bind(new InetSocketAddress(address, port));
        channel.configureBlocking(false);
        return channel;
    }

    @Override
    public MediaBridge bridge(MediaLeg caller, MediaLeg agent, Path recording) {
        RtpLeg a = own(caller);
        RtpLeg b = own(agent);
        try {
            LegBridge bridge = new LegBridge(a, b, recording, this);
            bridges.add(bridge);
            return bridge;
        } catch (IOException e) {
            throw new UncheckedIOException("the recording " + recording + " cannot be written: " + e.getMessage(), e);
        }
    }

    private RtpLeg own(MediaLeg leg) {
        if (!(leg instanceof RtpLeg rtpLeg) || !legs.contains(rtpLeg)) {
            throw new IllegalArgumentException("leg " + leg.id() + " is not open in this media engine");
        }
        return rtpLeg;
    }

    @Override
    public Set<String> prompts() {
        return prompts.names();
    }

    Prompt prompt(String name) {
        return prompts.prompt(name);
    }

    void finished(Playback playback) {
        Runnable then = playback.whenFinished();
        if (then != null) {
            notifier.execute(then);
        }
    }

    /** Starts recording what a leg's party says; the recording clock writes it. */
    MessageRecorder recordMessage(RtpLeg leg, Path file, Duration maxLength, Consumer<Duration> whenFinished) {
        try {
            MessageRecorder recorder = new MessageRecorder(leg.id(), file, maxLength, whenFinished, this);
            messages.add(recorder);
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException("the recording " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** A message recording is over: its length goes to whoever asked for it, off the recording clock. */
    void ended(MessageRecorder recorder, Duration length) {
        messages.remove(recorder);
        isolation.forget(recorder);
        Runnable report = () -> recorder.whenFinished().accept(length);
        if (running) {
            try {
                notifier.execute(report);
                return;
            } catch (RejectedExecutionException e) {
                // stopping meanwhile: reported below, on this thread
            }
        }
        report.run();
    }

    void closed(RtpLeg leg) {
        for (LegBridge bridge : bridges) {
            if (bridge.involves(leg)) {
                bridge.close();
            } else if (bridge.monitoredBy(leg)) {
                bridge.stopMonitoring();
            }
        }
        legs.remove(leg);
        isolation.forget(leg);
        SelectionKey key = leg.rtpChannel().keyFor(selector);
        if (key != null) {
            key.cancel();
        }
        closeQuietly(leg.rtpChannel());
        closeQuietly(leg.rtcpChannel());
        ports.release(leg.local().getPort());
    }

    void ended(LegBridge bridge) {
        bridges.remove(bridge);
        isolation.forget(bridge);
    }

    private void receive() {
        ByteBuffer packet = ByteBuffer.allocateDirect(2048);
        while (running) {
            try {
                selector.select(500);
                registerNew();
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    if (key.isValid()) {
                        drain(key, packet);
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("RTP receiving went wrong; carrying on", e);
            }
        }
    }

    private void registerNew() {
        for (RtpLeg leg; (leg = toRegister.poll()) != null; ) {
            if (leg.isClosed()) {
                continue;
            }
            try {
                leg.rtpChannel().register(selector, SelectionKey.OP_READ, leg);
                leg.rtcpChannel().register(selector, SelectionKey.OP_READ, new RtcpOf(leg));
            } catch (IOException e) {
                LOG.warn("Leg {} cannot receive: {}", leg.id(), e.toString());
            }
        }
    }

    /** What a leg's RTCP channel is registered with, to tell its packets from RTP. */
    private record RtcpOf(RtpLeg leg) {
    }

    private static void drain(SelectionKey key, ByteBuffer packet) throws IOException {
        DatagramChannel channel = (DatagramChannel) key.channel();
        Object attachment = key.attachment();
        for (int i = 0; i < 64; i++) {
            packet.clear();
            if (channel.receive(packet) == null) {
                return;
            }
            packet.flip();
            if (attachment instanceof RtpLeg leg) {
                leg.receive(packet, System.nanoTime());
            } else if (attachment instanceof RtcpOf rtcp) {
                rtcp.leg().receiveRtcp(packet, System.nanoTime());
            }
        }
    }

    /** Every second: the legs whose RTCP report is due send it. */
    private void reportRtcp() {
        long now = System.nanoTime();
        isolation.forEach(legs, "RTCP reporting", leg -> leg.reportIfDue(now));
    }

    /** Every 20 ms: prompts and mixes; a leg or bridge that fails does not hold up the others. */
    private void playout() {
        isolation.forEach(legs, "Prompt playout", leg -> {
            if (leg.playing()) {
                leg.tick();
            }
        });
        isolation.forEach(bridges, "Mixing", LegBridge::mix);
    }

    private void record() {
        isolation.forEach(bridges, "Recording", LegBridge::record);
        isolation.forEach(messages, "Message recording", MessageRecorder::record);
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a datagram channel has nothing left to report
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
