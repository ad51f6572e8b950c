package org.switchboard.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.CallbackPlacer;
import org.switchboard.api.acd.Interaction;

/**
 * Hands accepted callbacks to the telephony's placer on a thread of its own, so a slow placer never holds up
 * routing. Without a placer installed the agent dials the number shown with the offer.
 */
final class CallbackDialing {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDialing.class);

    private final ExecutorService dialer = Executors.newSingleThreadExecutor(runnable ->
            new Thread(runnable, "switchboard-callbacks"));
    private volatile CallbackPlacer placer;

    void placer(CallbackPlacer bound) {
        placer = bound;
    }

    void unbind(CallbackPlacer unbound) {
        if (placer == unbound) {
            placer = null;
        }
    }

    void dial(Interaction callback, String agent) {
        dialer.execute(() -> {
            CallbackPlacer current = placer;
            if (current == null) {
                LOG.info("Callback {} to {} accepted by {}: no telephony installed, the agent dials",
                        callback.id(), callback.customer(), agent);
                return;
            }
            try {
                current.place(callback, agent);
            } catch (RuntimeException e) {
                LOG.error("Callback {} to {} for agent {} could not be placed", callback.id(), callback.customer(), agent, e);
            }
        });
    }

    void close() {
        dialer.shutdown();
    }
}
