package org.switchboard.api.media;

import org.osgi.annotation.versioning.ProviderType;

/** Two legs that hear each other, the conversation recorded when asked to. */
@ProviderType
public interface MediaBridge extends AutoCloseable {

    MediaLeg caller();

    MediaLeg agent();

    /** Stops relaying between the parties (the recording goes on); the caller hears whatever is played to them. */
    void hold();

    /** Relays again after {@link #hold}. */
    void resume();

    /**
     * A supervisor's leg joins in {@code mode} (or changes mode); while a supervisor speaks to a party, that
     * party's audio is mixed on the media clock instead of relayed packet by packet.
     */
    void monitor(MediaLeg supervisor, MonitorMode mode);

    /** The supervisor leaves; the parties are relayed to each other as before. */
    void stopMonitoring();

    /** Ends the bridge (the legs stay open and hear silence) and finishes the recording. */
    @Override
    void close();
}
