package org.switchboard.sip.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.switchboard.api.acd.AcdService;

/** Every so often a caller waiting in a queue hears their position and expected wait, then the music again. */
final class QueueAnnouncements {

    private final B2bua b2bua;
    private final ScheduledExecutorService timers;
    private final AcdService acd;

    QueueAnnouncements(B2bua b2bua, ScheduledExecutorService timers, AcdService acd) {
        this.b2bua = b2bua;
        this.timers = timers;
        this.acd = acd;
    }

    /** Announces to the call {@code every} so often in {@code language}, as long as it waits in its queue. */
    void schedule(VoiceCall call, Duration every, String language) {
        timers.schedule(() -> b2bua.onLane(call, () -> {
            if (call.state() != VoiceCall.State.QUEUED) {
                return;
            }
            acd.estimate(call.id).ifPresent(estimate -> {
                List<String> prompts = new ArrayList<>(List.of(language + "/position",
                        language + "/numbers/" + spoken(estimate.position())));
                // No estimate while the queue has no recent handle time or nobody staffed: the position only.
                if (estimate.expectedWait() != null) {
                    long minutes = Math.max(1, (estimate.expectedWait().toSeconds() + 59) / 60);
                    prompts.addAll(List.of(language + "/wait", language + "/numbers/" + spoken(minutes)));
                }
                if (call.callbackKey != null) {
                    prompts.add(language + "/callback-offer");
                }
                announce(call, prompts, 0);
            });
            schedule(call, every, language);
        }), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void announce(VoiceCall call, List<String> prompts, int index) {
        if (call.state() != VoiceCall.State.QUEUED) {
            return;
        }
        if (index == prompts.size()) {
            b2bua.playHoldMusic(call);
            return;
        }
        b2bua.play(call, prompts.get(index), () -> announce(call, prompts, index + 1));
    }

    /** The recorded numbers go up to 20; beyond, "many". */
    private static String spoken(long number) {
        return number <= 20 ? Long.toString(number) : "many";
    }
}
