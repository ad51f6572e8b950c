package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;

/** A JAIN-SIP stack on loopback, screened as the endpoint's is, answering raw SIP over UDP and TCP. */
public class FaultAnsweringTest {

    private SipStack stack;
    private int port;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @Before
    public void start() throws Exception {
        // Without a logger of its own the stack reaches for log4j 1, which the tests do without.
        CommonLogger.legacyLogger = new QuietStackLogger();
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "screened-" + UUID.randomUUID());
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", QuietStackLogger.class.getName());
        // As the endpoint's stack (SipGateway): matching a CANCEL must hold with its clean-up as well.
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "gov.nist.javax.sip.stack.NioMessageProcessorFactory");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        properties.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        stack = new SipStackImpl(properties);
        FaultAnswering.install(stack);
        port = freePort();
        SipProvider provider = stack.createSipProvider(stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP));
        provider.addListeningPoint(stack.createListeningPoint("127.0.0.1", port, ListeningPoint.TCP));
        provider.addSipListener(listener(provider));
        stack.start();
    }

    @After
    public void stop() {
        stack.stop();
    }

    @Test
    public void requestsMissingAHeaderAreRefusedNamingItOverUdpAndTcp() throws Exception {
        assertStatus("SIP/2.0 400 Missing From header", udp(request("INVITE", "From")));
        assertStatus("SIP/2.0 400 Missing To header", tcp(request("INVITE", "To")));
        assertStatus("SIP/2.0 400 Missing CSeq header", udp(request("OPTIONS", "CSeq")));
        assertStatus("SIP/2.0 400 Missing CSeq header", tcp(request("OPTIONS", "CSeq")));
        assertStatus("SIP/2.0 400 Missing Call-ID header", udp(request("INVITE", "Call-ID")));
        assertStatus("SIP/2.0 400 Bad CSeq header", tcp(request("INVITE", null).replace("CSeq: 1", "CSeq: many")));
        assertNull("none reached the endpoint", received.poll());
    }

    @Test
    public void anyVersionButSip20Gets505() throws Exception {
        assertStatus("SIP/2.0 505 Version Not Supported (SIP/3.0)", udp(request("INVITE", null).replace(" SIP/2.0\r\n", " SIP/3.0\r\n")));
        assertStatus("SIP/2.0 505 Version Not Supported (SIP/3.0)", tcp(request("INVITE", null).replace(" SIP/2.0\r\n", " SIP/3.0\r\n")));
    }

    @Test
    public void whatCannotBeAnsweredIsDroppedAndTheNextRequestServed() throws Exception {
        try (DatagramSocket socket = socket()) {
            send(socket, request("ACK", "Call-ID"));
            send(socket, request("INVITE", "Via"));
            send(socket, request("OPTIONS", null));
            assertStatus("SIP/2.0 200 OK", receive(socket));
        }
        assertEquals("OPTIONS", received.poll());
    }

    @Test
    public void anUnreadableRequestLineGetsAReasonWithoutJavaObjectIds() throws Exception {
        String answer = udp(request("INVITE", null).replace(" SIP/2.0\r\n", " SIP/\r\n"));
        assertStatus("SIP/2.0 400 Bad Request (Bad request line)", answer);
    }

    @Test
    public void aCancelMatchingNoInviteGets481AndOneMatchingARingingInvite200() throws Exception {
        assertStatus("SIP/2.0 481 Call leg/Transaction does not exist", udp(request("CANCEL", null)));
        try (DatagramSocket socket = socket()) {
            String invite = request("INVITE", null);
            send(socket, invite);
            assertStatus("SIP/2.0 180 Ringing", receive(socket));
            send(socket, invite.replaceFirst("INVITE", "CANCEL").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"));
            assertStatus("SIP/2.0 200 OK", receive(socket));
        }
    }

    /** Answers INVITE with 180 (so that it can be cancelled), CANCEL as the endpoint does, anything else with 200. */
    private SipListener listener(SipProvider provider) {
        return new SipListenerAdapter() {
            @Override
            public void processRequest(RequestEvent event) {
                Request request = event.getRequest();
                received.add(request.getMethod());
                try {
                    ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                            : provider.getNewServerTransaction(request);
                    int status = switch (request.getMethod()) {
                        case Request.INVITE -> Response.RINGING;
                        case Request.CANCEL -> CancelMatching.status(event);
                        default -> Response.OK;
                    };
                    transaction.sendResponse(javax.sip.SipFactory.getInstance().createMessageFactory()
                            .createResponse(status, request));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** A request from "LOCAL" (the sender's port), without {@code missing} (a header's name) when given. */
    private static String request(String method, String missing) {
        String branch = "z9hG4bK-" + UUID.randomUUID();
        String[] headers = {"Via: SIP/2.0/TRANSPORT 127.0.0.1:LOCAL;branch=" + branch,
            "From: <sip:79160000001@127.0.0.1>;tag=a", "To: <sip:300@127.0.0.1>", "Call-ID: " + UUID.randomUUID(),
            "CSeq: 1 " + method, "Contact: <sip:x@127.0.0.1:LOCAL>", "Max-Forwards: 70", "Content-Length: 0"};
        StringBuilder text = new StringBuilder(method + " sip:300@127.0.0.1 SIP/2.0\r\n");
        for (String header : headers) {
            if (missing == null || !header.startsWith(missing + ":")) {
                text.append(header).append("\r\n");
            }
        }
        return text.append("\r\n").toString();
    }

    private String udp(String request) throws IOException {
        try (DatagramSocket socket = socket()) {
            send(socket, request);
            return receive(socket);
        }
    }

    private DatagramSocket socket() throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(5000);
        return socket;
    }

    private void send(DatagramSocket socket, String request) throws IOException {
        byte[] bytes = request.replace("TRANSPORT", "UDP").replace("LOCAL", String.valueOf(socket.getLocalPort()))
                .getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    private static String receive(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    private String tcp(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replace("TRANSPORT", "TCP").replace("LOCAL", String.valueOf(socket.getLocalPort()))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            try {
                while (!answer.toString().contains("\r\n\r\n")) {
                    int next = in.read();
                    if (next < 0) {
                        break;
                    }
                    answer.append((char) next);
                }
            } catch (SocketTimeoutException e) {
                return null;
            }
            return answer.length() == 0 ? null : answer.toString();
        }
    }

    private static void assertStatus(String statusLine, String message) {
        assertTrue("no answer, expected " + statusLine, message != null);
        assertEquals(message, statusLine, message.substring(0, message.indexOf("\r\n")));
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException e) {
                // taken for UDP: another
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }
}
