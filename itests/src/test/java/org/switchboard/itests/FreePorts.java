package org.switchboard.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports that nothing listens on right now, so that tests never collide with each other or a running node. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port P such that P and P + 1 are free for both UDP and TCP (baresip also listens at P + 1). */
    public static int pair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = next();
            if (port < 65535 && free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket tcp = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.DatagramSocket udp = new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
            return tcp.isBound() && udp.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
