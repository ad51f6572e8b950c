package org.switchboard.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs sipp (the sip-tester package) with one of the scenarios under src/test/resources/sipp. */
public final class Sipp {

    private final Process process;
    private final Path log;

    private Sipp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The folder sipp runs in, where its -trace_msg and -trace_err files are. */
    public Path folder() {
        return log.getParent();
    }

    /**
     * Calls {@code service} at the appliance's SIP port with a scenario; {@code extra} are further sipp options
     * (e.g. "-d", "5000" for the pause, "-m", "3" for the number of calls).
     */
    public static Sipp call(String scenario, int appliancePort, String service, Path workFolder, String... extra)
            throws IOException {
        Files.createDirectories(workFolder);
        Path scenarioFile = Path.of(System.getProperty("switchboard.it.resources"), "sipp", scenario + ".xml");
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenarioFile.toString(),
                "127.0.0.1:" + appliancePort, "-s", service, "-i", "127.0.0.1", "-p", String.valueOf(FreePorts.next()),
                "-mp", String.valueOf(20_000 + 2 * (FreePorts.next() % 10_000)), "-nostdin", "-timeout", "60",
                "-trace_err", "-trace_msg"));
        command.addAll(List.of(extra));
        Path log = workFolder.resolve("sipp-" + scenario + ".out");
        Process process = new ProcessBuilder(command).directory(workFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Sipp(process, log);
    }

    /** Answers one call at {@code port} with a scenario; {@code service} fills [service] (e.g. a transfer target). */
    public static Sipp answer(String scenario, int port, String service, Path workFolder, String... extra)
            throws IOException {
        Files.createDirectories(workFolder);
        Path scenarioFile = Path.of(System.getProperty("switchboard.it.resources"), "sipp", scenario + ".xml");
        Path log = workFolder.resolve("sipp-" + scenario + ".out");
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenarioFile.toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(port), "-s", service, "-m", "1", "-nostdin", "-timeout", "60", "-trace_err", "-trace_msg"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).directory(workFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Sipp(process, log);
    }

    /**
     * Runs sipp with a scenario file of the test's own making (e.g. a template filled in) against the appliance:
     * {@code extra} are further options such as the rate and the number of calls.
     */
    public static Sipp call(Path scenarioFile, int appliancePort, String service, Path workFolder, String... extra)
            throws IOException {
        Files.createDirectories(workFolder);
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenarioFile.toString(),
                "127.0.0.1:" + appliancePort, "-s", service, "-i", "127.0.0.1", "-p", String.valueOf(FreePorts.next()),
                "-mp", String.valueOf(20_000 + 2 * (FreePorts.next() % 10_000)), "-nostdin", "-timeout", "180",
                "-trace_err"));
        command.addAll(List.of(extra));
        Path log = workFolder.resolve("sipp-" + scenarioFile.getFileName() + ".out");
        Process process = new ProcessBuilder(command).directory(workFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Sipp(process, log);
    }

    /** Answers every call that comes to {@code port} with a scenario, until stopped. */
    public static Sipp serve(String scenario, int port, Path workFolder, String... extra) throws IOException {
        Files.createDirectories(workFolder);
        Path scenarioFile = Path.of(System.getProperty("switchboard.it.resources"), "sipp", scenario + ".xml");
        Path log = workFolder.resolve("sipp-" + scenario + ".out");
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenarioFile.toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(port), "-nostdin", "-trace_err"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).directory(workFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Sipp(process, log);
    }

    /** Waits for sipp to finish; its exit code is 0 when every call went as the scenario says. */
    public int await(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sipp did not finish within " + seconds + " s: " + output());
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    public void stop() {
        process.destroy();
    }
}
