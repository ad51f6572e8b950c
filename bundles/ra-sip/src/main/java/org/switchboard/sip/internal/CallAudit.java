package org.switchboard.sip.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.media.MediaLeg;

/**
 * The safety net under call handling: every few seconds it ends calls that have had neither signalling nor media
 * for the configured time (a caller gone without BYE, a peer whose session timer died, a leg whose transaction
 * timed out), and releases agents whom distribution still holds for a call that has ended. Each such call is
 * logged at WARN with its history: a leak that slips past the call handling is visible and bounded, not permanent.
 */
final class CallAudit {

    private static final Logger LOG = LoggerFactory.getLogger(CallAudit.class);
    /** Longer than a BYE's transaction may take (64×T1): a leg still open after it was lost track of. */
    private static final long ORPHAN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(40);

    private final CallTable calls;
    private final PhoneLines phones;
    private final KeyedExecutor lanes;
    private final AcdService acd;
    private final long inactivityNanos;
    /** Ends the calls found inactive and lets go of agents held for ended calls. */
    private final StaleCalls stale;
    private ScheduledFuture<?> sweeping;

    CallAudit(CallTable calls, PhoneLines phones, KeyedExecutor lanes, AcdService acd, Duration inactivity,
            StaleCalls stale) {
        this.calls = calls;
        this.phones = phones;
        this.lanes = lanes;
        this.acd = acd;
        this.inactivityNanos = inactivity.toNanos();
        this.stale = stale;
    }

    /** Sweeps every tenth of the inactivity allowed, at most every 10 s and at least every second. */
    void start(ScheduledExecutorService timers) {
        long period = Math.max(1_000, Math.min(10_000, TimeUnit.NANOSECONDS.toMillis(inactivityNanos) / 10));
        sweeping = timers.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    /** One pass: each call checked on its own lane, then distribution's holds checked against the calls. */
    void sweep() {
        try {
            long now = System.nanoTime();
            for (VoiceCall call : calls.all()) {
                lanes.execute(call.lane, () -> check(call, now));
            }
            releaseAgentsOfEndedCalls();
            for (String phone : phones.releaseOrphans(leg -> calls.byLeg(leg) != null, now, ORPHAN_GRACE_NANOS)) {
                LOG.warn("Phone {} was kept busy by a leg no call has any more; it is free again", phone);
            }
            calls.forgetEndedBefore(now - TimeUnit.MINUTES.toNanos(10));
        } catch (RuntimeException e) {
            LOG.error("The call audit failed; it runs again at its next period", e);
        }
    }

    /** Ends {@code call} when neither a SIP message nor a media packet of it came for the time allowed. */
    void check(VoiceCall call, long now) {
        if (call.state() == VoiceCall.State.ENDED) {
            return;
        }
        long packets = received(call.callerMedia) + received(call.agentMedia)
                + (call.consult == null ? 0 : received(call.consult.media)) + received(call.supervisorMedia);
        if (packets != call.mediaPackets) {
            call.mediaPackets = packets;
            call.mediaSeenNanos = now;
        }
        long lastSign = Math.max(call.lastSignalNanos, call.mediaSeenNanos);
        if (now - lastSign > inactivityNanos) {
            stale.end(call, "no signalling and no media for "
                    + TimeUnit.NANOSECONDS.toSeconds(now - lastSign) + " s");
        }
    }

    /** Agents distribution still holds for calls of ours that have ended are let go. */
    void releaseAgentsOfEndedCalls() {
        for (AgentView agent : acd.agents()) {
            agent.interactions().forEach(stale::releaseAgentOf);
        }
    }

    private static long received(MediaLeg leg) {
        return leg == null ? 0 : leg.statistics().packetsReceived();
    }
}
