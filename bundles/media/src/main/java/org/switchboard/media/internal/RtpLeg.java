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
        } catch (IOException e) {
            LOG.debug("RTP to {} failed: {}", to, e.toString());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
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
