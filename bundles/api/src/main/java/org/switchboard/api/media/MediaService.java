package org.switchboard.api.media;

import java.nio.file.Path;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Opens RTP legs and bridges them. */
@ProviderType
public interface MediaService {

    /** A new leg on a free port of the configured range; throws {@link MediaUnavailableException} when none is free. */
    MediaLeg open();

    /**
     * Makes two legs hear each other. With a {@code recording} file, the conversation is written to it as a
     * stereo WAV: the caller on the left channel, the agent on the right.
     */
    MediaBridge bridge(MediaLeg caller, MediaLeg agent, Path recording);

    /** The names of the prompts that can be played. */
    Set<String> prompts();
}
