package org.switchboard.media.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaBridge;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MonitorMode;

/**
 * Two legs hearing each other: relayed packet by packet while only they speak, mixed on the media clock
 * while a supervisor speaks to one of them. When recorded, each side's audio goes through its own jitter
 * buffer and the recording clock writes them side by side, caller left and agent right.
 */
final class LegBridge implements MediaBridge {

    private static final Logger LOG = LoggerFactory.getLogger(LegBridge.class);
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

    // Guarded by "this": changed by commands, read by the playout clock.
    private boolean held;
    private RtpLeg supervisor;
    private MonitorMode mode;
    private JitterBuffer fromCaller;
    private JitterBuffer fromAgent;
    private JitterBuffer fromSupervisor;
    private final short[] callerFrame = new short[RtpLeg.FRAME];
    private final short[] agentFrame = new short[RtpLeg.FRAME];
    private final short[] supervisorFrame = new short[RtpLeg.FRAME];
    private final short[] mixed = new short[RtpLeg.FRAME];

    LegBridge(RtpLeg caller, RtpLeg agent, Path recording, MediaEngine engine) throws IOException {
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
        rewire();
    }

    @Override
    public MediaLeg caller() {
        return caller;
    }

    @Override
    public MediaLeg agent() {
        return agent;
    }

    @Override
    public synchronized void hold() {
        held = true;
        rewire();
    }

    @Override
    public synchronized void resume() {
        held = false;
        rewire();
    }

    @Override
    public synchronized void monitor(MediaLeg leg, MonitorMode how) {
        if (!(leg instanceof RtpLeg rtpLeg) || leg == caller || leg == agent) {
            throw new IllegalArgumentException("leg " + leg.id() + " cannot monitor this bridge");
        }
        if (supervisor != null && supervisor != rtpLeg) {
            supervisor.unbridge();
        }
        supervisor = rtpLeg;
        mode = how;
        fromCaller = new JitterBuffer(BUFFER, DELAY);
        fromAgent = new JitterBuffer(BUFFER, DELAY);
        fromSupervisor = new JitterBuffer(BUFFER, DELAY);
        rewire();
    }

    @Override
    public synchronized void stopMonitoring() {
        if (supervisor != null) {
            supervisor.unbridge();
        }
        supervisor = null;
        mode = null;
        fromCaller = null;
        fromAgent = null;
        fromSupervisor = null;
        rewire();
    }

    /** Who relays to whom and who feeds which buffer, for the current hold and monitoring. */
    private void rewire() {
        boolean mixing = mode == MonitorMode.WHISPER || mode == MonitorMode.BARGE;
        caller.relayTo(held || mixing ? null : agent);
        agent.relayTo(held || mixing ? null : caller);
        caller.tap(taps(left, fromCaller));
        agent.tap(taps(right, fromAgent));
        if (supervisor != null) {
            supervisor.relayTo(null);
            supervisor.tap(fromSupervisor);
        }
    }

    private static JitterBuffer[] taps(JitterBuffer recording, JitterBuffer mixing) {
        if (recording != null && mixing != null) {
            return new JitterBuffer[] {recording, mixing};
        }
        if (recording != null) {
            return new JitterBuffer[] {recording};
        }
        return mixing != null ? new JitterBuffer[] {mixing} : new JitterBuffer[0];
    }

    /** One 20 ms step of the playout clock: what the supervisor hears, and what parties hear from them. */
    synchronized void mix() {
        if (supervisor == null || closed) {
            return;
        }
        int n = RtpLeg.FRAME;
        fromCaller.read(callerFrame, n);
        fromAgent.read(agentFrame, n);
        fromSupervisor.read(supervisorFrame, n);
        supervisor.sendMixed(add(callerFrame, agentFrame, null), n);
        if (mode == MonitorMode.LISTEN || held) {
            return;
        }
        agent.sendMixed(add(callerFrame, supervisorFrame, null), n);
        caller.sendMixed(add(agentFrame, mode == MonitorMode.BARGE ? supervisorFrame : null, null), n);
    }

    private short[] add(short[] a, short[] b, short[] c) {
        for (int i = 0; i < RtpLeg.FRAME; i++) {
            int sum = a[i] + (b == null ? 0 : b[i]) + (c == null ? 0 : c[i]);
            mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
        return mixed;
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
        if (supervisor != null) {
            supervisor.unbridge();
        }
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

    /** True when {@code leg} is this bridge's supervisor. */
    boolean monitoredBy(RtpLeg leg) {
        return leg == supervisor;
    }
}
