package org.switchboard.itests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Hand-written SIP over UDP, for requests no well-behaved client would send. */
public final class RawSip implements AutoCloseable {

    private final DatagramSocket socket;
    private final int appliancePort;

    public RawSip(int appliancePort) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.socket.setSoTimeout(3000);
        this.appliancePort = appliancePort;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** Sends a message ("LOCALPORT" stands for this socket's port) and returns the first response, or null. */
    public String exchange(String message) throws IOException {
        byte[] bytes = message.replace("LOCALPORT", String.valueOf(localPort())).getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), appliancePort));
        return receive();
    }

    /** The next message received, skipping provisional responses; null when none comes within 3 s. */
    public String receive() throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (!text.startsWith("SIP/2.0 1")) {
                return text;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
