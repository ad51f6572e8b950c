package org.switchboard.api.acd;

import java.time.Instant;

/**
 * One past or current interaction of a customer as the agent's screen shows it: when it started and ended (null
 * while it goes on), who handled it (null when nobody did) and how it was closed.
 */
public record InteractionSummary(String id, Channel channel, String queue, String entryPoint, Instant startedAt,
        Instant endedAt, String agent, String disposition, String note) {
}
