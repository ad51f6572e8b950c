package org.switchboard.api.flow;

import java.time.Duration;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.acd.Interaction;

/**
 * A call as a flow drives it, provided by the voice channel. Every callback runs on the call's own thread,
 * one at a time, and so must anything the flow hands to {@link #execute}.
 */
@ConsumerType
public interface CallSession {

    /** The interaction id the call has in distribution. */
    String id();

    /** The caller's number. */
    String caller();

    /** The number dialed (the entry point). */
    String dialed();

    /** Plays a prompt to the caller, then runs {@code then}. */
    void play(String prompt, Runnable then);

    /**
     * Plays a prompt (none when null) and collects digits: up to {@code maxDigits}, ended by any of
     * {@code terminators} (not included) or by {@code timeout} without a key; {@code then} gets what was
     * pressed ("" for nothing). A key pressed during the prompt cuts it short.
     */
    void collect(String prompt, int maxDigits, String terminators, Duration timeout, Consumer<String> then);

    /**
     * Puts the call in distribution: music while it waits, and every {@code announceEvery} (zero: never) its
     * position and expected wait in {@code language}; with a {@code callbackKey} (null: none), the offer of a
     * callback, which that key accepts. The flow ends here.
     */
    void queue(Interaction interaction, Duration announceEvery, String language, String callbackKey);

    /**
     * Plays a prompt (none when null) and a beep, then records the caller's message for {@code mailbox} until they
     * press #, {@code maxLength} passes, or they hang up; the message is kept for the mailbox unless nothing was
     * recorded. {@code then} runs afterwards while the caller is still there. A channel that cannot record
     * runs {@code then} at once.
     */
    default void recordMessage(String prompt, String mailbox, Duration maxLength, Runnable then) {
        then.run();
    }

    /**
     * Puts the caller through to {@code destination} (an extension or an external number), ringing it at most
     * {@code ringFor}; {@code unanswered} runs when nobody answers or it cannot be reached, while the caller is
     * still there. A channel that cannot transfer runs {@code unanswered} at once.
     */
    default void transfer(String destination, Duration ringFor, Runnable unanswered) {
        unanswered.run();
    }

    /** Ends the call. */
    void hangUp();

    /** Runs a task on the call's thread (to come back from a lookup done elsewhere). */
    void execute(Runnable task);
}
