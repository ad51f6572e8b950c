package org.switchboard.benchmarks;

import java.util.Random;
import org.switchboard.api.acd.Channel;

/** How long contacts of one channel take: mean talk time, a wrap-up range and the customers' mean patience. */
record ContactTimes(double talkSeconds, double wrapUpMinSeconds, double wrapUpMaxSeconds, double patienceSeconds) {

    /** Typical shop figures: a call takes minutes, a chat longer (but an agent holds several), e-mail is patient. */
    static ContactTimes of(Channel channel) {
        return switch (channel) {
            case VOICE -> new ContactTimes(240, 5, 30, 120);
            case CHAT -> new ContactTimes(480, 5, 30, 240);
            case EMAIL -> new ContactTimes(300, 5, 30, 1_800);
            default -> new ContactTimes(240, 5, 30, 300);
        };
    }

    /** Mean time a contact holds an agent's slot: talk plus wrap-up. */
    double slotSeconds() {
        return talkSeconds + (wrapUpMinSeconds + wrapUpMaxSeconds) / 2;
    }

    long talkNanos(Random random) {
        return exponentialNanos(random, talkSeconds);
    }

    long wrapUpNanos(Random random) {
        return seconds(wrapUpMinSeconds + random.nextDouble() * (wrapUpMaxSeconds - wrapUpMinSeconds));
    }

    long patienceNanos(Random random) {
        return exponentialNanos(random, patienceSeconds);
    }

    static long exponentialNanos(Random random, double meanSeconds) {
        return seconds(-Math.log(1.0 - random.nextDouble()) * meanSeconds);
    }

    static long seconds(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
