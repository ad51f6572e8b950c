package org.switchboard.api.acd;

import java.time.Duration;

/**
 * A waiting contact's place for announcements: {@code position} 1 is next in its queue. {@code expectedWait}
 * is {@code position × average handle time ÷ staffed agents}, with the queue's recent handle time and the
 * agents signed in who may serve it (ready or busy, not those not ready); null while the queue has no
 * recent handle time or nobody staffed to serve it.
 */
public record WaitEstimate(String interactionId, String queue, int position, int staffed, Duration averageHandleTime,
        Duration expectedWait) {
}
