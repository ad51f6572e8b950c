package org.switchboard.api.media;

/** No RTP port is free, or the engine is stopping. */
public class MediaUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MediaUnavailableException(String message) {
        super(message);
    }
}
