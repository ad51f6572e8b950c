package org.switchboard.api.media;

/**
 * What one leg received and sent: packets, packets lost by sequence number, and the interarrival jitter of
 * RFC 3550 in milliseconds.
 */
public record LegStatistics(long packetsReceived, long packetsLost, double jitterMillis, long packetsSent) {
}
