package org.switchboard.media.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.Codec;
import org.switchboard.api.media.LegStatistics;
import org.switchboard.api.media.MediaLeg;

/**
 * One party's RTP: packets arrive on the engine's receiving thread ({@link #receive}); prompts go out on the
 * engine's clock ({@link #tick}); while bridged, audio received from the other party is relayed at once.
 */
final class RtpLeg implements MediaLeg {

    private static final Logger LOG = LoggerFactory.getLogger(RtpLeg.class);
    static final int FRAME = 160;

    private final String id;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final InetSocketAddress local;
    private final MediaEngine engine;
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final TelephoneEvents events = new TelephoneEvents();
    private final ByteBuffer out = ByteBuffer.allocateDirect(RtpPacket.HEADER + 1500);
    private final short[] decoded = new short[1500];

    private volatile InetSocketAddress remote;
    private volatile Codec codec = Codec.PCMU;
    private volatile int telephoneEventType = -1;
    private volatile Consumer<Character> digits = digit -> { };
    private volatile Playback playback;
    private volatile RtpLeg peer;
    /** Where this party's decoded audio also goes: the recording and any mixing. */
    private volatile JitterBuffer[] taps = new JitterBuffer[0];
    /** The message this party is leaving, if any. */
    private volatile MessageRecorder message;
    private volatile boolean closed;

    // Sending state, guarded by "this": the clock and the receiving thread may both send.
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextInt() & 0xffffffffL;
    private boolean marker = true;
    private long sent;
    private long sentOctets;
    private long lastSendNanos;

    /** What the far end last reported of what it hears from us (RTCP), null until it reports. */
    private volatile FarEnd farEnd;
    /** When the next RTCP report is due; touched by the engine's clock only. */
    private long nextReportNanos;

    /** The far end's view of our stream: fraction and number lost, jitter, and the round trip (-1: unknown). */
    record FarEnd(double fractionLost, long lost, double jitterMillis, double roundTripMillis) {
    }

    RtpLeg(String id, DatagramChannel rtp, DatagramChannel rtcp, InetSocketAddress local, MediaEngine engine) {
        this.id = id;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.local = local;
        this.engine = engine;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress local() {
        return local;
    }

    @Override
    public void connect(InetSocketAddress remote, Codec codec, int telephoneEventType) {
        this.codec = codec;
        this.telephoneEventType = telephoneEventType;
        this.remote = remote;
    }

    @Override
    public void play(String prompt, boolean loop) {
        start(new Playback(engine.prompt(prompt), loop, null));
    }

    @Override
    public void play(String prompt, Runnable whenFinished) {
        start(new Playback(engine.prompt(prompt), false, whenFinished));
    }

    private void start(Playback next) {
        playback = next;
        synchronized (this) {
            marker = true;
        }
    }

    @Override
    public void stopPlaying() {
        playback = null;
    }

    /** True while a prompt is playing. */
    boolean playing() {
        return playback != null;
    }

    @Override
    public void onDigit(Consumer<Character> listener) {
        this.digits = listener;
    }

    @Override
    public void digit(char digit) {
        digits.accept(digit);
    }

    @Override
    public void recordMessage(Path file, Duration maxLength, Consumer<Duration> whenFinished) {
        Objects.requireNonNull(whenFinished, "whenFinished");
        if (maxLength.isNegative() || maxLength.isZero()) {
            throw new IllegalArgumentException("a message's longest length must be positive, not " + maxLength);
        }
        MessageRecorder next = engine.recordMessage(this, file, maxLength, whenFinished);
        MessageRecorder previous = message;
        message = next;
        if (previous != null) {
            previous.stop();
        }
        if (closed) {
            // Closed meanwhile: close() may have looked before this recording was set.
            stopRecording();
        }
    }

    @Override
    public void stopRecording() {
        MessageRecorder current = message;
        message = null;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public LegStatistics statistics() {
        synchronized (reception) {
            long sentNow;
            synchronized (this) {
                sentNow = sent;
            }
            return new LegStatistics(reception.received(), reception.lost(), reception.jitterMillis(), sentNow);
        }
    }

    /** Relays this party's audio to {@code other} packet by packet (null: not at all). */
    void relayTo(RtpLeg other) {
        this.peer = other;
    }

    void tap(JitterBuffer... buffers) {
        this.taps = buffers.clone();
    }

    void unbridge() {
        this.peer = null;
        this.taps = new JitterBuffer[0];
    }

    DatagramChannel rtpChannel() {
        return rtp;
    }

    DatagramChannel rtcpChannel() {
        return rtcp;
    }

    /** A packet from the party, on the receiving thread. */
    void receive(ByteBuffer packet, long arrivalNanos) {
        if (!RtpPacket.valid(packet)) {
            return;
        }
        int type = RtpPacket.payloadType(packet);
        long rtpTimestamp = RtpPacket.timestamp(packet);
        synchronized (reception) {
            reception.packet(RtpPacket.sequence(packet), rtpTimestamp, arrivalNanos / 125_000);
            reception.source(RtpPacket.ssrc(packet));
        }
        int offset = packet.position() + RtpPacket.payloadOffset(packet);
        int length = RtpPacket.payloadLength(packet);
        if (type == telephoneEventType) {
            char digit = events.digit(packet, offset, length, rtpTimestamp);
            if (digit != 0) {
                digits.accept(digit);
            }
            return;
        }
        Codec received = codec.payloadType() == type ? codec : Codec.ofPayloadType(type).orElse(null);
        if (received == null || length == 0 || length > decoded.length) {
            return;
        }
        JitterBuffer[] sides = taps;
        MessageRecorder recorder = message;
        if (sides.length > 0 || recorder != null) {
            for (int i = 0; i < length; i++) {
                decoded[i] = G711.decode(received, packet.get(offset + i));
            }
            for (JitterBuffer side : sides) {
                side.write(rtpTimestamp, decoded, length);
            }
            if (recorder != null) {
                recorder.heard(rtpTimestamp, decoded, length);
            }
        }
        RtpLeg other = peer;
        if (other != null) {
            other.relay(packet, offset, length, received);
        }
    }

    /** Audio of the other party to send on, unless a prompt is playing to this party. */
    private void relay(ByteBuffer from, int offset, int length, Codec fromCodec) {
        if (playback != null) {
            return;
        }
        synchronized (this) {
            Codec to = codec;
            out.clear();
            out.position(RtpPacket.HEADER);
            for (int i = 0; i < length; i++) {
                byte sample = from.get(offset + i);
                out.put(fromCodec == to ? sample : G711.encode(to, G711.decode(fromCodec, sample)));
            }
            send(to.payloadType(), length);
        }
    }

    /** A mixed frame from the media clock, unless a prompt is playing to this party. */
    void sendMixed(short[] samples, int count) {
        if (playback != null) {
            return;
        }
        synchronized (this) {
            Codec to = codec;
            out.clear();
            out.position(RtpPacket.HEADER);
            for (int i = 0; i < count; i++) {
                out.put(G711.encode(to, samples[i]));
            }
            send(to.payloadType(), count);
        }
    }

    /** One 20 ms step of the engine's clock: the next frame of a playing prompt. */
    void tick() {
        Playback current = playback;
        if (current == null) {
            return;
        }
        synchronized (this) {
            Codec to = codec;
            out.clear();
            out.position(RtpPacket.HEADER);
            current.next(out, to, FRAME);
            send(to.payloadType(), FRAME);
        }
        if (current.finished()) {
            if (playback == current) {
                playback = null;
            }
            engine.finished(current);
        }
    }

    private void send(int payloadType, int samples) {
        InetSocketAddress to = remote;
        if (to == null || closed) {
            return;
        }
        int end = out.position();
        RtpPacket.writeHeader(out, payloadType, marker, sequence, timestamp, ssrc);
        marker = false;
        sequence = (sequence + 1) & 0xffff;
        timestamp = (timestamp + samples) & 0xffffffffL;
        out.position(0).limit(end);
        try {
            rtp.send(out, to);
            sent++;
            sentOctets += end - RtpPacket.HEADER;
            lastSendNanos = System.nanoTime();
        } catch (IOException e) {
            LOG.debug("RTP to {} failed: {}", to, e.toString());
        }
    }

    /** On the engine's clock: sends an RTCP report when one is due, every 5 s on average (RFC 3550 §6.2). */
    void reportIfDue(long nowNanos) {
        if (nextReportNanos == 0) {
            nextReportNanos = nowNanos + interval() / 2; // the first report comes sooner
        } else if (nowNanos >= nextReportNanos) {
            report(nowNanos, false);
            nextReportNanos = nowNanos + interval();
        }
    }

    /** 5 s, randomized by half either way so that reports of many legs do not go out together. */
    private static long interval() {
        return (long) (5_000_000_000L * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    /** Sends an RTCP compound packet to the far end's RTCP port (RTP + 1): SR once we sent, else RR; BYE when leaving. */
    void report(long nowNanos, boolean bye) {
        InetSocketAddress to = remote;
        if (to == null) {
            return;
        }
        RtcpPackets.Block block;
        synchronized (reception) {
            block = reception.block(nowNanos);
        }
        RtcpPackets.SenderInfo sender = null;
        synchronized (this) {
            if (sent > 0) {
                java.time.Instant wall = java.time.Instant.now();
                long rtpNow = (timestamp + (nowNanos - lastSendNanos) / 125_000) & 0xffffffffL;
                sender = new RtcpPackets.SenderInfo(RtcpPackets.ntp(wall.getEpochSecond(), wall.getNano()), rtpNow,
                        sent, sentOctets);
            }
        }
        ByteBuffer packet = ByteBuffer.allocate(160);
        RtcpPackets.write(packet, ssrc, sender, block, "switchboard@" + local.getAddress().getHostAddress(), bye);
        packet.flip();
        try {
            rtcp.send(packet, new InetSocketAddress(to.getAddress(), to.getPort() + 1));
        } catch (IOException e) {
            LOG.debug("RTCP to {} failed: {}", to, e.toString());
        }
    }

    /** An RTCP packet from the far end, on the receiving thread: its sender report and what it says of us. */
    void receiveRtcp(ByteBuffer packet, long arrivalNanos) {
        RtcpPackets.Received report = RtcpPackets.read(packet);
        if (report == null) {
            return;
        }
        if (report.sender() != null) {
            synchronized (reception) {
                reception.senderReport(report.sender().ntp(), arrivalNanos);
            }
        }
        for (RtcpPackets.Block block : report.blocks()) {
            if (block.ssrc() == ssrc) {
                java.time.Instant wall = java.time.Instant.now();
                long now = RtcpPackets.middle(RtcpPackets.ntp(wall.getEpochSecond(), wall.getNano()));
                // Round trip (§6.4.1): now, less when our report left (LSR), less how long the far end held it (DLSR);
                // on a short path rounding can make it a unit below zero, which counts as zero.
                long units = (now - block.lastSenderReport() - block.delaySinceLastSenderReport()) & 0xffffffffL;
                double roundTrip = block.lastSenderReport() == 0 ? -1
                        : (units > 0x7fffffffL ? 0 : units) * 1000.0 / 65_536;
                farEnd = new FarEnd(block.fractionLost() / 256.0, block.cumulativeLost(), block.jitter() / 8.0,
                        roundTrip);
            }
        }
    }

    /** What the far end last reported of our stream, or null. */
    FarEnd farEnd() {
        return farEnd;
    }

    /** The SSRC of what this leg sends. */
    int ssrc() {
        return ssrc;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        report(System.nanoTime(), true);
        FarEnd heard = farEnd;
        if (heard != null) {
            LOG.debug("Leg {}: the far end heard {} % lost ({} packets), jitter {} ms, round trip {} ms", id,
                    Math.round(heard.fractionLost() * 1000) / 10.0, heard.lost(), heard.jitterMillis(),
                    heard.roundTripMillis());
        }
        closed = true;
        playback = null;
        stopRecording();
        engine.closed(this);
    }

    boolean isClosed() {
        return closed;
    }
}
