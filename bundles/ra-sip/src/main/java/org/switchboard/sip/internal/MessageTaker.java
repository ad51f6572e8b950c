package org.switchboard.sip.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.voicemail.Voicemail;

/**
 * Takes one caller's message for a mailbox: the prompt, a beep, then the recording until the caller presses
 * #, the longest length passes, or they hang up. A key during the prompt or the beep skips to the recording.
 * Runs on the call's lane, except the end of the recording, which the media engine reports.
 */
final class MessageTaker {

    private static final Logger LOG = LoggerFactory.getLogger(MessageTaker.class);
    static final String BEEP = "beep";

    private enum Phase { PROMPT, BEEP, RECORDING, DONE }

    private final VoiceCall call;
    private final B2bua control;
    private final String dialed;
    private final String mailbox;
    private final Duration maxLength;
    private final Consumer<Voicemail> keep;
    private final Runnable then;
    private final String id = UUID.randomUUID().toString();
    private Phase phase = Phase.PROMPT;
    private DigitCollector keys;
    private Path file;
    private Instant startedAt;

    MessageTaker(VoiceCall call, B2bua control, String dialed, String mailbox, Duration maxLength,
            Consumer<Voicemail> keep, Runnable then) {
        this.call = call;
        this.control = control;
        this.dialed = dialed;
        this.mailbox = mailbox;
        this.maxLength = maxLength;
        this.keep = keep;
        this.then = then;
    }

    /** Starts with {@code prompt} (none when null); on the call's lane. */
    void start(String prompt) {
        listen();
        if (prompt == null) {
            beep();
        } else {
            control.play(call, prompt, this::beep);
        }
    }

    private void beep() {
        if (phase != Phase.PROMPT) {
            return;
        }
        phase = Phase.BEEP;
        control.play(call, BEEP, this::record);
    }

    private void record() {
        if (phase != Phase.PROMPT && phase != Phase.BEEP) {
            return;
        }
        phase = Phase.RECORDING;
        file = control.recordings().resolve("voicemail").resolve(LocalDate.now(ZoneOffset.UTC).toString())
                .resolve(id + ".wav");
        startedAt = Instant.now();
        try {
            call.callerMedia.recordMessage(file, maxLength, this::recorded);
            LOG.info("Call {}: recording a message for {} to {}", call.id, mailbox, file);
        } catch (RuntimeException e) {
            LOG.error("Call {}: the message for {} cannot be recorded ({}); the flow goes on", call.id, mailbox,
                    e.getMessage());
            finish();
        }
    }

    /**
     * Each key completes a one-key collection and cuts short what is playing: during the prompt it skips to the
     * beep, during the beep to the recording, and while recording # ends the message; then the next key is
     * awaited.
     */
    private void listen() {
        keys = new DigitCollector(1, "#", this::key);
        call.collector = keys;
    }

    private void key(String digits) {
        if (phase == Phase.PROMPT) {
            beep();
        } else if (phase == Phase.BEEP) {
            record();
        } else if (phase == Phase.RECORDING && digits.isEmpty()) {
            call.callerMedia.stopRecording();
            return;
        }
        if (phase != Phase.DONE) {
            listen();
        }
    }

    /** The recording is over (on a thread of the media engine, also after the caller hung up). */
    private void recorded(Duration length) {
        if (length.isZero()) {
            LOG.info("Call {}: nothing recorded for {}", call.id, mailbox);
            deleteQuietly(file);
        } else {
            LOG.info("Call {}: message of {} ms for {} left by {}", call.id, length.toMillis(), mailbox, call.caller);
            keep.accept(new Voicemail(id, mailbox, call.caller, dialed, startedAt, length, file.toString(), null));
        }
        control.onLane(call, this::finish);
    }

    private void finish() {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        if (call.collector == keys) {
            call.collector = null;
        }
        then.run();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Empty message {} not deleted: {}", file, e.toString());
        }
    }
}
