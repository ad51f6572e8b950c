package org.switchboard.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Hand-written SIP over UDP (and TCP), for requests no well-behaved client would send. */
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

    /**
     * Sends a message over a new TCP connection ("LOCALPORT" stands for its port) and returns the first final
     * response, or null when none comes within 3 s or the connection is closed first.
     */
    public static String exchangeOverTcp(int appliancePort, String message) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), appliancePort)) {
            socket.setSoTimeout(3000);
            String text = message.replace("LOCALPORT", String.valueOf(socket.getLocalPort()));
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            while (true) {
                String response = readMessage(in);
                if (response == null || !response.startsWith("SIP/2.0 1")) {
                    return response;
                }
            }
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** One message from a stream: its header lines up to the empty one, then Content-Length bytes of body. */
    private static String readMessage(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.append((char) next);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)")
                .matcher(head);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head + new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        socket.close();
    }
}
