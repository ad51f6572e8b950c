package org.switchboard.media.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Even RTP ports of the configured range (RTCP takes the odd port above, RFC 3550 §11), handed out in turn
 * so that a port just released is reused last and late packets of an ended call reach no new one.
 */
final class PortPool {

    private final Deque<Integer> free = new ArrayDeque<>();

    PortPool(int min, int max) {
        if (min > max - 1) {
            throw new IllegalArgumentException("rtp.port.min (" + min + ") must be below rtp.port.max (" + max + ")");
        }
        for (int port = min + (min & 1); port + 1 <= max; port += 2) {
            free.add(port);
        }
    }

    /** A free port, or -1 when all are taken. */
    synchronized int take() {
        Integer port = free.pollFirst();
        return port == null ? -1 : port;
    }

    synchronized void release(int port) {
        free.addLast(port);
    }

    synchronized int available() {
        return free.size();
    }
}
