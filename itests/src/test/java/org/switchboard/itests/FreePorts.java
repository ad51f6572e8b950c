package org.switchboard.itests;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports that nothing listens on right now, so that tests never collide with each other or a running node. They are
 * chosen from 10000-19999, below the kernel's ephemeral range (a port from that range may be taken, between the
 * choice and the appliance binding it seconds later, by any outgoing connection or DNS lookup on the machine: the
 * browser's, the tests' own HTTP requests; the likely reason the SIP endpoint once did not start) and below the media ports
 * the tests give sipp (20000-), baresip (30000-) and the appliance (40000-).
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int HIGHEST = 19_999;
    /** Never handed out twice in one test run, even when freed in between. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port P such that P and P + 1 are free for both UDP and TCP (baresip also listens at P + 1). */
    public static int pair() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = candidate();
            if (free(port) && free(port + 1) && GIVEN.add(port) && GIVEN.add(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two free ports in a row in " + LOWEST + "-" + HIGHEST);
    }

    /** A port free for both UDP and TCP. */
    public static int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = candidate();
            if (free(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + LOWEST + "-" + HIGHEST);
    }

    private static int candidate() {
        return ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST); // HIGHEST stays for the pair's second port
    }

    private static boolean free(int port) {
        try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
             DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return tcp.isBound() && udp.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
