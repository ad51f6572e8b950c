package org.switchboard.api.media;

import org.osgi.annotation.versioning.ProviderType;

/** Two legs that hear each other, the conversation recorded when asked to. */
@ProviderType
public interface MediaBridge extends AutoCloseable {

    MediaLeg caller();

    MediaLeg agent();

    /** Ends the bridge (the legs stay open and hear silence) and finishes the recording. */
    @Override
    void close();
}
