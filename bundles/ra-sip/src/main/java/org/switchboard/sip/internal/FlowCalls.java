package org.switchboard.sip.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.voicemail.Voicemail;

/**
 * What a flow and a queue do with a caller, on the call's lane: keys collected, the caller queued with music and
 * announcements, a message taken, a transfer to a phone or a number, a callback instead of waiting, a message
 * after waiting the queue's longest.
 */
final class FlowCalls {

    private static final Logger LOG = LoggerFactory.getLogger(FlowCalls.class);
    /** The longest message a caller who waited a queue's longest may leave. */
    private static final Duration MESSAGE_AFTER_WAITING = Duration.ofMinutes(2);

    private final B2bua b2bua;
    private final ScheduledExecutorService timers;
    private final AcdService acd;
    private final QueueAnnouncements announcements;
    private final Signalling sip;
    /** Where the messages callers leave are kept. */
    private final Consumer<Voicemail> voicemails;

    FlowCalls(B2bua b2bua, CallContext context, AcdService acd, QueueAnnouncements announcements,
            Consumer<Voicemail> voicemails) {
        this.b2bua = b2bua;
        this.timers = context.timers();
        this.sip = context.sip();
        this.acd = acd;
        this.announcements = announcements;
        this.voicemails = voicemails;
    }

    /** Runs {@code task} on the call's lane unless the call has ended. */
    void execute(VoiceCall call, Runnable task) {
        b2bua.onLane(call, task);
    }

    void play(VoiceCall call, String prompt, Runnable then) {
        b2bua.play(call, prompt, then);
    }

    void hangUp(VoiceCall call) {
        b2bua.hangUpFromFlow(call);
    }

    /** Collects the keys the caller presses for a flow step, after an optional prompt. */
    void collect(VoiceCall call, String prompt, int maxDigits, String terminators, Duration timeout,
            Consumer<String> then) {
        DigitCollector collector = new DigitCollector(maxDigits, terminators, digits -> {
            call.collector = null;
            then.accept(digits);
        });
        call.collector = collector;
        Runnable listen = () -> {
            if (call.collector == collector && !collector.done()) {
                silenceAfter(call, collector, timeout);
            }
        };
        if (prompt == null) {
            listen.run();
        } else {
            b2bua.play(call, prompt, listen);
        }
    }

    private void silenceAfter(VoiceCall call, DigitCollector collector, Duration timeout) {
        int generation = collector.generation();
        timers.schedule(() -> b2bua.onLane(call, () -> collector.silence(generation)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A key the caller pressed (RFC 4733 or SIP INFO): for the flow step collecting keys, if any. */
    void key(VoiceCall call, char key) {
        DigitCollector collector = call.collector;
        if (collector == null || collector.done()) {
            if (call.state() == VoiceCall.State.QUEUED && call.callbackKey != null
                    && call.callbackKey.charAt(0) == Character.toUpperCase(key)) {
                acceptCallback(call);
            } else {
                LOG.debug("Call {}: key {} pressed with nothing asking for it", call.id, key);
            }
            return;
        }
        boolean first = !collector.hasKeys();
        if (first) {
            call.callerMedia.stopPlaying(); // a key cuts the prompt short
        }
        if (!collector.key(key)) {
            silenceAfter(call, collector, Duration.ofSeconds(5));
        }
    }

    /** Queues the call, with music and, every {@code announceEvery}, its position and wait. */
    void enqueue(VoiceCall call, Interaction interaction, Duration announceEvery, String language) {
        enqueue(call, interaction, announceEvery, language, null);
    }

    /** Queues the call; offered straight to {@code agent} when given and able to take it (a transfer to them). */
    void enqueue(VoiceCall call, Interaction interaction, Duration announceEvery, String language, String agent) {
        call.queue = interaction.queue();
        call.language = language;
        boolean queued = agent == null ? acd.submit(interaction) : acd.submitTo(interaction, agent);
        if (!queued) {
            LOG.info("Call {} from {}: queue {} does not take it now; hanging up", call.id, call.caller, call.queue);
            b2bua.hangUpFromFlow(call);
            return;
        }
        call.to(VoiceCall.State.QUEUED);
        b2bua.playHoldMusic(call);
        LOG.debug("Call {} from {} waiting in queue {}", call.id, call.caller, call.queue);
        if (!announceEvery.isZero()) {
            announcements.schedule(call, announceEvery, language);
        }
    }

    /** Takes the caller's message for {@code mailbox} (a queue), then goes on with {@code then}. */
    void takeMessage(VoiceCall call, String prompt, String dialed, String mailbox, Duration maxLength, Runnable then) {
        new MessageTaker(call, b2bua, dialed, mailbox, maxLength, voicemails, then).start(prompt);
    }

    /**
     * A flow puts the caller through to an extension's phone or a number outside, ringing it at most
     * {@code ringFor}; the caller hears music meanwhile.
     */
    void transferFromFlow(VoiceCall call, String destination, Duration ringFor, Runnable unanswered) {
        b2bua.legs().transferFromFlow(call, destination, ringFor, unanswered);
    }

    /** The caller pressed the callback key: the call becomes a callback that keeps its place, and ends. */
    private void acceptCallback(VoiceCall call) {
        try {
            acd.requestCallback(call.id, null);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: callback not possible now: {}", call.id, e.getMessage());
            return;
        }
        LOG.info("Call {}: caller {} chose to be called back; their place is kept", call.id, call.caller);
        goodbyeUntilCallback(call);
    }

    /** The call is now a callback in distribution: the caller hears so, and the line is released. */
    void goodbyeUntilCallback(VoiceCall call) {
        call.to(VoiceCall.State.FLOW); // out of the queue: no more announcements, nothing to abandon
        b2bua.play(call, call.language + "/callback-confirm", () -> {
            sip.byeCaller(call);
            b2bua.finish(call);
        });
    }

    /** The caller waited the queue's longest: out of the queue, they may leave a message in its mailbox. */
    void messageAfterWaiting(VoiceCall call) {
        LOG.info("Call {} waited queue {}'s longest; the caller may leave a message", call.id, call.queue);
        if (call.state() == VoiceCall.State.RINGING_AGENT) {
            b2bua.cancelAgent(call);
        }
        call.to(VoiceCall.State.FLOW); // out of the queue: no more announcements, nothing to abandon
        call.callerMedia.stopPlaying();
        takeMessage(call, call.language + "/leave-message", call.dialed, call.queue, MESSAGE_AFTER_WAITING,
                () -> b2bua.hangUpFromFlow(call));
    }
}
