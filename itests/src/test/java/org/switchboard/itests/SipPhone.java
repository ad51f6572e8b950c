package org.switchboard.itests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A SIP phone over UDP written message by message, for what the phones available to tests cannot do: it
 * answers calls, places a second call, and sends REFER with Replaces (attended transfer, RFC 5589).
 */
public final class SipPhone implements AutoCloseable {

    /** A message received: its first line, headers and body. */
    public record Message(String firstLine, List<String> headers, String body) {

        static Message parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] lines = head.split("\r\n");
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Message(lines[0], headers, end < 0 ? "" : text.substring(end + 4));
        }

        /** The first value of a header, by its full name; null when absent. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String header : headers) {
                if (header.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return header.substring(prefix.length()).trim();
                }
            }
            return null;
        }

        List<String> all(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
        }

        public boolean isRequest(String method) {
            return firstLine.startsWith(method + " ");
        }

        public int status() {
            return firstLine.startsWith("SIP/2.0 ") ? Integer.parseInt(firstLine.substring(8, 11)) : 0;
        }

        public String callId() {
            return header("Call-ID");
        }

        String cseqMethod() {
            String cseq = header("CSeq");
            return cseq.substring(cseq.indexOf(' ') + 1).trim();
        }
    }

    /** A dialog as this phone sees it: the headers its requests in it carry. */
    public static final class Dialog {
        final String callId;
        final String local;
        final String remote;
        final String target;
        int cseq;
        /** Where the appliance takes this call's RTP (from its SDP), when known. */
        java.net.InetSocketAddress media;

        Dialog(String callId, String local, String remote, String target, int cseq) {
            this.callId = callId;
            this.local = local;
            this.remote = remote;
            this.target = target;
            this.cseq = cseq;
        }

        public String callId() {
            return callId;
        }

        public java.net.InetSocketAddress media() {
            return media;
        }

        /** A tag of {@code header} ("From: ...;tag=x"). */
        static String tag(String header) {
            int at = header.indexOf(";tag=");
            return at < 0 ? null : header.substring(at + 5).split("[;>\\s]")[0];
        }

        /** The escaped Replaces value naming this dialog (RFC 3891): the tags as the other party sees them. */
        public String replaces() {
            return callId.replace("@", "%40") + "%3Bto-tag%3D" + tag(remote) + "%3Bfrom-tag%3D" + tag(local);
        }
    }

    private final DatagramSocket socket;
    private final DatagramSocket media;
    private final DatagramSocket rtcp;
    /** The SSRC of the RTP this phone sends. */
    public static final int SSRC = 0x5a5a_0001;
    private final int appliancePort;
    private final String extension;
    private final String password;
    private final List<Message> backlog = new ArrayList<>();
    private Message lastFinal;

    public SipPhone(int appliancePort, String extension, String password) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        int mediaPort = FreePorts.pair();
        this.media = new DatagramSocket(mediaPort, InetAddress.getLoopbackAddress());
        this.rtcp = new DatagramSocket(mediaPort + 1, InetAddress.getLoopbackAddress());
        this.appliancePort = appliancePort;
        this.extension = extension;
        this.password = password;
    }

    public SipPhone register() throws Exception {
        SipDigest.registerPhone(appliancePort, extension, password, socket.getLocalPort());
        return this;
    }

    /** Waits for an INVITE and answers it with 200; returns the dialog once the ACK came. */
    public Dialog answer(Duration within) throws IOException {
        Message invite = await(m -> m.isRequest("INVITE"), within);
        String localTag = "phone-" + UUID.randomUUID().toString().substring(0, 8);
        String to = invite.header("To") + ";tag=" + localTag;
        send(response(invite, "200 OK", to, sdp()));
        await(m -> m.isRequest("ACK") && invite.callId().equals(m.callId()), within);
        String contact = invite.header("Contact");
        return new Dialog(invite.callId(), to, invite.header("From"), uri(contact), 100);
    }

    /** Calls {@code user} at the appliance, answering its digest challenge; returns the dialog once answered. */
    public Dialog call(String user, Duration within) throws IOException {
        Dialog dialog = dial(user, within);
        if (dialog == null) {
            throw new AssertionError("call to " + user + " not answered: " + lastFinal.firstLine());
        }
        return dialog;
    }

    /** Calls {@code user} and returns the final status; a call answered is hung up at once. */
    public int attempt(String user, Duration within) throws IOException {
        Dialog dialog = dial(user, within);
        if (dialog != null) {
            bye(dialog, within);
        }
        return lastFinal.status();
    }

    /** Hangs up: BYE in the dialog, and its 200. */
    public void bye(Dialog dialog, Duration within) throws IOException {
        dialog.cseq++;
        send("BYE " + dialog.target + " SIP/2.0\r\n" + via(branch()) + "From: " + dialog.local + "\r\nTo: "
                + dialog.remote + "\r\nCall-ID: " + dialog.callId + "\r\nCSeq: " + dialog.cseq + " BYE\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        int status = await(m -> m.status() >= 200 && dialog.callId.equals(m.callId()) && m.cseqMethod().equals("BYE"),
                within).status();
        if (status != 200) {
            throw new AssertionError("BYE answered " + status);
        }
    }

    /** An INVITE to {@code user} (with credentials once challenged): the dialog when answered 200, else null. */
    private Dialog dial(String user, Duration within) throws IOException {
        String callId = UUID.randomUUID() + "@127.0.0.1";
        String from = "<sip:" + extension + "@127.0.0.1>;tag=phone-" + UUID.randomUUID().toString().substring(0, 8);
        String to = "<sip:" + user + "@127.0.0.1>";
        String uri = "sip:" + user + "@127.0.0.1:" + appliancePort;
        String branch = branch();
        send(invite(uri, from, to, callId, 1, branch, null));
        Message answer = finalResponse(callId, within);
        int cseq = 1;
        if (answer.status() == 401) {
            send(ack(uri, from, answer.header("To"), callId, 1, branch));
            cseq = 2;
            branch = branch();
            String authorization = SipDigest.authorization(extension, password,
                    SipDigest.nonce(answer.header("WWW-Authenticate")), "INVITE", uri);
            send(invite(uri, from, to, callId, cseq, branch, authorization));
            answer = finalResponse(callId, within);
        }
        lastFinal = answer;
        if (answer.status() != 200) {
            send(ack(uri, from, answer.header("To"), callId, cseq, branch)); // a failure is ACKed in its transaction
            return null;
        }
        String target = uri(answer.header("Contact"));
        send(ack(target, from, answer.header("To"), callId, cseq, branch()));
        Dialog dialog = new Dialog(callId, from, answer.header("To"), target, cseq);
        dialog.media = mediaOf(answer.body());
        return dialog;
    }

    /** Sends REFER in {@code dialog} and returns the response's status. */
    public int refer(Dialog dialog, String referTo, Duration within) throws IOException {
        dialog.cseq++;
        send("REFER " + dialog.target + " SIP/2.0\r\n" + via(branch())
                + "From: " + dialog.local + "\r\nTo: " + dialog.remote + "\r\nCall-ID: " + dialog.callId + "\r\n"
                + "CSeq: " + dialog.cseq + " REFER\r\nContact: <sip:" + extension + "@127.0.0.1:" + socket.getLocalPort()
                + ">\r\nRefer-To: " + referTo + "\r\nReferred-By: <sip:" + extension + "@127.0.0.1>\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        return await(m -> m.status() >= 200 && dialog.callId.equals(m.callId()) && m.cseqMethod().equals("REFER"),
                within).status();
    }

    /** Waits for a request of {@code method} in the dialog of {@code callId}, answers 200, and returns it. */
    public Message awaitRequest(String method, String callId, Duration within) throws IOException {
        Message request = await(m -> m.isRequest(method) && callId.equals(m.callId()), within);
        send(response(request, "200 OK", request.header("To"), null));
        return request;
    }

    private Message finalResponse(String callId, Duration within) throws IOException {
        return await(m -> m.status() >= 200 && callId.equals(m.callId()), within);
    }

    /** The first message matching, kept or yet to come; the others are kept for later. */
    private Message await(Predicate<Message> wanted, Duration within) throws IOException {
        Instant deadline = Instant.now().plus(within);
        for (Message kept : backlog) {
            if (wanted.test(kept)) {
                backlog.remove(kept);
                return kept;
            }
        }
        byte[] buffer = new byte[16384];
        while (Instant.now().isBefore(deadline)) {
            socket.setSoTimeout((int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            Message message = Message.parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            if (wanted.test(message)) {
                return message;
            }
            if (message.status() == 0 || message.status() >= 200) {
                backlog.add(message); // provisional responses are of no use later
            }
        }
        throw new AssertionError("phone " + extension + " waited in vain; it had " + backlog);
    }

    private String invite(String uri, String from, String to, String callId, int cseq, String branch,
            String authorization) {
        String body = sdp();
        return "INVITE " + uri + " SIP/2.0\r\n" + via(branch) + "From: " + from + "\r\nTo: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:" + extension + "@127.0.0.1:" + socket.getLocalPort() + ">\r\nMax-Forwards: 70\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private String ack(String uri, String from, String to, String callId, int cseq, String branch) {
        return "ACK " + uri + " SIP/2.0\r\n" + via(branch) + "From: " + from + "\r\nTo: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private String response(Message request, String status, String to, String body) {
        StringBuilder response = new StringBuilder("SIP/2.0 " + status + "\r\n");
        request.all("Via").forEach(via -> response.append(via).append("\r\n"));
        response.append("From: ").append(request.header("From")).append("\r\nTo: ").append(to).append("\r\n")
                .append("Call-ID: ").append(request.callId()).append("\r\nCSeq: ").append(request.header("CSeq"))
                .append("\r\nContact: <sip:").append(extension).append("@127.0.0.1:").append(socket.getLocalPort())
                .append(">\r\n");
        if (body == null) {
            response.append("Content-Length: 0\r\n\r\n");
        } else {
            response.append("Content-Type: application/sdp\r\nContent-Length: ").append(body.length())
                    .append("\r\n\r\n").append(body);
        }
        return response.toString();
    }

    private String sdp() {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + media.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    private String via(String branch) {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=" + branch + "\r\n";
    }

    private static String branch() {
        return "z9hG4bK-" + UUID.randomUUID();
    }

    /** The connection address and audio port of an SDP body. */
    private static java.net.InetSocketAddress mediaOf(String sdp) {
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("(?m)^c=IN IP4 (\\S+)").matcher(sdp);
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("(?m)^m=audio (\\d+)").matcher(sdp);
        return address.find() && port.find()
                ? new java.net.InetSocketAddress(address.group(1), Integer.parseInt(port.group(1))) : null;
    }

    private static String uri(String nameAddress) {
        int start = nameAddress.indexOf('<');
        return start < 0 ? nameAddress.split(";")[0].trim() : nameAddress.substring(start + 1, nameAddress.indexOf('>'));
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), appliancePort));
    }

    /** The SSRC of the next RTP packet the appliance sends this phone. */
    public int heardSsrc(Duration within) throws IOException {
        DatagramPacket packet = receive(media, within);
        return java.nio.ByteBuffer.wrap(packet.getData(), 0, packet.getLength()).getInt(8);
    }

    /** The next RTCP compound packet the appliance sends to this phone's RTCP port (RTP + 1). */
    public java.nio.ByteBuffer rtcp(Duration within) throws IOException {
        DatagramPacket packet = receive(rtcp, within);
        return java.nio.ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
    }

    private static DatagramPacket receive(DatagramSocket from, Duration within) throws IOException {
        from.setSoTimeout((int) within.toMillis());
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        from.receive(packet);
        return packet;
    }

    /** Sends {@code count} frames of µ-law silence to {@code to} (the appliance's RTP address from its SDP). */
    public void sendRtp(java.net.InetSocketAddress to, int count) throws IOException {
        for (int sequence = 0; sequence < count; sequence++) {
            java.nio.ByteBuffer packet = java.nio.ByteBuffer.allocate(12 + 160);
            packet.put((byte) 0x80).put((byte) 0).putShort((short) sequence).putInt(sequence * 160).putInt(SSRC);
            while (packet.hasRemaining()) {
                packet.put((byte) 0xff);
            }
            media.send(new DatagramPacket(packet.array(), packet.capacity(), to));
        }
    }

    /** Sends an RTCP sender report with NTP time {@code ntp} to the appliance's RTCP port (RTP + 1). */
    public void sendSenderReport(java.net.InetSocketAddress rtp, long ntp, int packets) throws IOException {
        java.nio.ByteBuffer report = java.nio.ByteBuffer.allocate(28);
        report.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt(SSRC).putLong(ntp).putInt(0)
                .putInt(packets).putInt(packets * 160);
        rtcp.send(new DatagramPacket(report.array(), 28,
                new java.net.InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1)));
    }

    @Override
    public void close() {
        socket.close();
        media.close();
        rtcp.close();
    }
}
