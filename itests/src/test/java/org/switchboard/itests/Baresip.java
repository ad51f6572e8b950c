package org.switchboard.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agent's softphone: baresip registering an extension with the appliance (digest), answering on its own
 * or only when told ({@link #accept()}), and speaking a 600 Hz tone as the agent's voice.
 */
public final class Baresip implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final String extension;
    private final Path folder;
    private final int controlPort;

    private Baresip(Process process, String extension, Path folder, int controlPort) {
        this.process = process;
        this.extension = extension;
        this.folder = folder;
        this.controlPort = controlPort;
        Path log = folder.resolve("baresip.out");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 java.io.Writer copy = Files.newBufferedWriter(log)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    copy.write(line + "\n");
                    copy.flush();
                }
            } catch (IOException ignored) {
                // the phone was stopped
            }
        }, "baresip-" + extension);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a phone for {@code extension}; {@code autoAnswer} false makes it ring until the call is cancelled
     * or {@link #accept() accepted}.
     * What it hears is recorded under rec/.
     */
    public static Baresip start(Path folder, String extension, String password, int appliancePort, boolean autoAnswer)
            throws IOException {
        Files.createDirectories(folder.resolve("rec"));
        Path voice = folder.resolve("voice.wav");
        writeTone(voice, 600, 120);
        // baresip listens for SIP at the port and for SIP over TLS at the one above it.
        int port = FreePorts.pair();
        int controlPort = FreePorts.next();
        Files.writeString(folder.resolve("config"), String.join("\n",
                "sip_listen 127.0.0.1:" + port,
                "audio_source aufile," + voice,
                "audio_player aubridge,x",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module account.so",
                "module sndfile.so",
                "snd_path " + folder.resolve("rec"),
                "module_app menu.so",
                // Apart from the appliance's RTP ports (40000 and up in tests) and sipp's (20000-29999).
                "rtp_ports " + (30_000 + 2 * ((port / 2) % 4_900)) + "-" + (30_100 + 2 * ((port / 2) % 4_900)),
                // Commands such as "accept" over TCP, so that a phone which does not answer by itself is answered
                // on cue (see accept()); phones that answer by themselves need none.
                autoAnswer ? "" : "module ctrl_tcp.so\nctrl_tcp_listen 127.0.0.1:" + controlPort,
                ""));
        Files.writeString(folder.resolve("accounts"), "<sip:" + extension + "@127.0.0.1:" + appliancePort
                + ">;auth_pass=" + password + ";regint=600;answermode=" + (autoAnswer ? "auto" : "manual")
                + ";audio_codecs=PCMU,PCMA\n");
        Process process = new ProcessBuilder("baresip", "-f", folder.toString()).redirectErrorStream(true).start();
        return new Baresip(process, extension, folder, controlPort);
    }

    /**
     * Answers the call ringing at the phone, as the agent picking up the handset; for a phone started without
     * auto-answer. Waits for baresip's reply to the command.
     */
    public void accept() throws IOException {
        String reply = command("accept");
        if (!reply.contains("\"ok\":true")) {
            throw new AssertionError("baresip for " + extension + " did not accept: " + reply + "; it said: " + output);
        }
    }

    /** Sends one command to baresip's ctrl_tcp module (JSON in netstring framing) and returns its response. */
    private String command(String command) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
            socket.setSoTimeout(10_000);
            byte[] json = ("{\"command\":\"" + command + "\",\"params\":\"\",\"token\":\"" + command + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.write(',');
            out.flush();
            // Events of the call may come over the same connection before the response: skip them.
            InputStream in = socket.getInputStream();
            while (true) {
                String message = netstring(in);
                if (message.contains("\"response\":true")) {
                    return message;
                }
            }
        }
    }

    /** Reads one netstring ("LENGTH:BYTES,") from the stream. */
    private static String netstring(InputStream in) throws IOException {
        int length = 0;
        for (int c; (c = in.read()) != ':'; ) {
            if (c < '0' || c > '9') {
                throw new IOException("not a netstring length: " + (c < 0 ? "end of stream" : (char) c));
            }
            length = 10 * length + (c - '0');
        }
        byte[] message = in.readNBytes(length);
        if (message.length < length || in.read() != ',') {
            throw new IOException("truncated netstring");
        }
        return new String(message, StandardCharsets.UTF_8);
    }

    /** Waits until the appliance accepted the phone's registration. */
    public Baresip awaitRegistered() throws Exception {
        try {
            Await.until("phone " + extension + " registered", Duration.ofSeconds(20),
                    () -> output.stream().anyMatch(line -> line.contains("200 OK")) || !process.isAlive());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; baresip said: " + output, e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("baresip for " + extension + " stopped: " + output);
        }
        return this;
    }

    /** Waits until the phone reports a call established (it prints so a moment after it answered). */
    public void awaitAnswered() throws Exception {
        try {
            Await.until("phone " + extension + " in a call", Duration.ofSeconds(10), this::answered);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; baresip said: " + output, e);
        }
    }

    /** True once the phone has had a call established. */
    public boolean answered() {
        return output.stream().anyMatch(line -> line.contains("Call established"));
    }

    /** True once a call rang at the phone. */
    public boolean rang() {
        return output.stream().anyMatch(line -> line.contains("Incoming call") || line.contains("Call established"));
    }

    /** The mean absolute sample of what the phone heard in its last call (baresip's sndfile "-dec" dump). */
    public double heardLevel() throws IOException {
        try (var files = Files.list(folder.resolve("rec"))) {
            Path heard = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).findFirst()
                    .orElseThrow(() -> new AssertionError("the phone recorded nothing"));
            byte[] wav = Files.readAllBytes(heard);
            ByteBuffer samples = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            long sum = 0;
            int count = 0;
            for (int at = 44; at + 2 <= wav.length; at += 2, count++) {
                sum += Math.abs(samples.getShort(at));
            }
            return count == 0 ? 0 : (double) sum / count;
        }
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** A 16-bit mono WAV at 8 kHz holding a tone. */
    static void writeTone(Path file, int hertz, int seconds) throws IOException {
        int samples = 8000 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.putInt(0x46464952).putInt(36 + 2 * samples).putInt(0x45564157);
        wav.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.putInt(0x61746164).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
        }
        Files.write(file, wav.array());
    }
}
