package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaBridge;
import org.switchboard.api.media.MediaLeg;

/**
 * Two legs relaying to each other; when recorded, each side's audio goes through its own jitter buffer and
 * the recording clock writes them side by side, caller left and agent right.
 */
final class RecordedBridge implements MediaBridge {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedBridge.class);
    private static final int BUFFER = 8000 * 4;
    private static final int DELAY = 8 * 80;

    private final RtpLeg caller;
    private final RtpLeg agent;
    private final MediaEngine engine;
    private final JitterBuffer left;
    private final JitterBuffer right;
    private final StereoWavWriter writer;
    private final short[] leftFrame = new short[RtpLeg.FRAME];
    private final short[] rightFrame = new short[RtpLeg.FRAME];
    private volatile boolean closed;
    private boolean writing;

    RecordedBridge(RtpLeg caller, RtpLeg agent, Path recording, MediaEngine engine) throws IOException {
        this.caller = caller;
        this.agent = agent;
        this.engine = engine;
        if (recording != null) {
            this.left = new JitterBuffer(BUFFER, DELAY);
            this.right = new JitterBuffer(BUFFER, DELAY);
            this.writer = new StereoWavWriter(recording, RtpLeg.FRAME);
            this.writing = true;
        } else {
            this.left = null;
            this.right = null;
            this.writer = null;
        }
        caller.bridgeTo(agent, left);
        agent.bridgeTo(caller, right);
    }

    @Override
    public MediaLeg caller() {
        return caller;
    }

    @Override
    public MediaLeg agent() {
        return agent;
    }

    boolean recorded() {
        return writer != null;
    }

    /** One 20 ms step of the recording clock. */
    synchronized void record() {
        if (!writing) {
            return;
        }
        left.read(leftFrame, RtpLeg.FRAME);
        right.read(rightFrame, RtpLeg.FRAME);
        try {
            writer.write(leftFrame, rightFrame, RtpLeg.FRAME);
        } catch (IOException e) {
            LOG.error("Recording of the bridge of {} and {} failed; it stops here: {}", caller.id(), agent.id(), e.toString());
            closeWriter();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        caller.unbridge();
        agent.unbridge();
        closeWriter();
        engine.ended(this);
    }

    private void closeWriter() {
        if (writing) {
            writing = false;
            try {
                writer.close();
            } catch (IOException e) {
                LOG.error("The recording of {} could not be finished: {}", caller.id(), e.toString());
            }
        }
    }

    boolean involves(RtpLeg leg) {
        return leg == caller || leg == agent;
    }
}
