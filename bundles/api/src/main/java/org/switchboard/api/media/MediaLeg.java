package org.switchboard.api.media;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One party's RTP stream, received and sent at a local port of the appliance. A leg plays prompts while it
 * is on its own and relays the other party's audio while it is bridged.
 */
@ProviderType
public interface MediaLeg extends AutoCloseable {

    String id();

    /** The address and port to announce in SDP. */
    InetSocketAddress local();

    /**
     * Where to send, in which codec, and the payload type of telephone-events the party agreed to (-1: none).
     * May be called again when the party moves its media (re-INVITE).
     */
    void connect(InetSocketAddress remote, Codec codec, int telephoneEventType);

    /** Plays a prompt (a name from {@link MediaService#prompts()}), once or over and over, instead of what it played before. */
    void play(String prompt, boolean loop);

    /** Plays a prompt once, then calls {@code whenFinished} (not if another prompt or {@link #stopPlaying} cut it short). */
    void play(String prompt, Runnable whenFinished);

    /** Stops a prompt; the party then hears silence, or the other party when bridged. */
    void stopPlaying();

    /** Called with each DTMF digit the party sends (RFC 4733 events, or {@link #digit} from signalling). */
    void onDigit(Consumer<Character> listener);

    /** A digit that arrived in signalling (SIP INFO) rather than in the media. */
    void digit(char digit);

    /**
     * Records what the party says to {@code file}, a mono 8 kHz 16-bit PCM WAV, until {@link #stopRecording},
     * {@code maxLength}, or the leg closes (so a party that hangs up still leaves what they said);
     * {@code whenFinished} then gets the recorded length, once, on a thread of the engine. A recording already
     * going on is finished first.
     */
    void recordMessage(Path file, Duration maxLength, Consumer<Duration> whenFinished);

    /** Finishes a recording started by {@link #recordMessage}; nothing when none is going on. */
    void stopRecording();

    /** Counters of what was received, for monitoring and tests. */
    LegStatistics statistics();

    /** Releases the port; a bridge the leg belongs to ends. */
    @Override
    void close();
}
