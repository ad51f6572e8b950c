package org.switchboard.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the built distribution, run as a process with {@code bin/karaf} the way an operator runs it,
 * on free ports. Each instance has its own folder, so its data is its own.
 */
public final class ApplianceProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STOP = Duration.ofSeconds(60);
    /** The REST application is rebuilt while late services arrive at boot: UP must hold this long. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Path home;
    private final int httpPort = FreePorts.next();
    private int sipPort;
    private Process process;

    private ApplianceProcess(Path home) {
        this.home = home;
    }

    /** Copies the unpacked distribution into a folder of its own and gives it free ports. */
    public static ApplianceProcess create() throws IOException {
        Path distribution = Path.of(System.getProperty("switchboard.appliance"));
        Path home = Path.of("target", "process", UUID.randomUUID().toString()).toAbsolutePath();
        copy(distribution, home);
        ApplianceProcess appliance = new ApplianceProcess(home);
        appliance.configure("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(appliance.httpPort));
        appliance.configure("org.apache.karaf.shell.cfg", "sshPort", String.valueOf(FreePorts.next()));
        appliance.configure("org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(FreePorts.next()));
        appliance.configure("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(FreePorts.next()));
        // SIP listens on UDP as well as TCP: pair() checks both (and the port above, for phones beside it).
        appliance.sipPort = FreePorts.pair();
        appliance.configure("org.switchboard.sip.cfg", "port", String.valueOf(appliance.sipPort));
        int rtpBase = 44_000 + 2 * (int) (Math.random() * 4_000);
        appliance.configure("org.switchboard.media.cfg", "rtp.port.min", String.valueOf(rtpBase));
        appliance.configure("org.switchboard.media.cfg", "rtp.port.max", String.valueOf(rtpBase + 999));
        return appliance;
    }

    /** Sets one key of a file under etc/, replacing its line or adding one. */
    public void configure(String file, String key, String value) throws IOException {
        Path path = home.resolve("etc").resolve(file);
        String text = Files.exists(path) ? Files.readString(path) : "";
        Matcher line = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String setting = key + " = " + value;
        text = line.find() ? line.replaceFirst(Matcher.quoteReplacement(setting)) : text + "\n" + setting + "\n";
        Files.writeString(path, text);
    }

    /** The port the appliance's SIP endpoint listens on (UDP and TCP). */
    public int sipPort() {
        return sipPort;
    }

    public Path home() {
        return home;
    }

    public Http http() {
        return new Http(httpPort);
    }

    /** The address a browser opens, such as {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Starts {@code bin/karaf daemon} (the JVM replaces the script, as under a service manager) and waits until the health endpoint answers UP. */
    public void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        javaHome(builder.environment());
        process = builder.start();
        HealthProbe probe = new HealthProbe(http());
        try {
            Await.until("health UP on port " + httpPort, START, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the appliance exited with " + process.exitValue()
                            + ": " + Files.readString(home.resolve("console.out")));
                }
                return probe.isUp();
            });
            Await.settled("health UP", SETTLE, probe::isUp);
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; " + probe.lastAnswer(), timedOut);
        }
    }

    /** Stops the appliance as its service manager would (SIGTERM) and waits for a clean exit. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("The appliance did not stop within " + STOP.toSeconds() + " s");
        }
        process = null;
    }

    /**
     * Runs {@code bin/client} with a console command, as an operator does from a terminal; standard input
     * stays open while it runs (the Karaf 4.4 client ends a command early on end of input).
     */
    public String client(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), command)
                .directory(home.toFile()).redirectErrorStream(true);
        javaHome(builder.environment());
        Process client = builder.start();
        try (OutputStream input = client.getOutputStream()) {
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!client.waitFor(60, TimeUnit.SECONDS)) {
                client.destroyForcibly();
            }
            return output;
        }
    }

    public String adminPassword() throws IOException {
        return Files.readString(home.resolve("data/admin.password")).trim();
    }

    public Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** Stops the appliance, checks its log for errors nobody expected, and always releases it. */
    public void stopAndCheckLog() throws Exception {
        try {
            stop();
            LogChecker.assertNoUnexpectedErrors(log(), LogChecker.KARAF_NOISE);
        } finally {
            close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void javaHome(Map<String, String> environment) {
        environment.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(paths::add);
        }
        for (Path source : paths) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
