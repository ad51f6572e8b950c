package org.switchboard.benchmarks.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads another JVM's resident memory and CPU time from /proc (Linux), and its heap after a full GC with jcmd. */
final class ProcessProbe {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final int clockTicksPerSecond;

    ProcessProbe(long pid, int clockTicksPerSecond) {
        this.pid = pid;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    boolean known() {
        return pid > 0 && Files.isDirectory(Path.of("/proc", Long.toString(pid)));
    }

    /** VmRSS in MiB, or -1 when unknown. */
    double rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU time the process has used so far, in seconds, or -1 when unknown. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces: fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / (double) clockTicksPerSecond;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Runs a full GC in the process ({@code jcmd GC.run}), then answers the heap in use in MiB, or -1. */
    double heapAfterGcMib() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            run(jcmd, Long.toString(pid), "GC.run");
            Matcher used = USED.matcher(run(jcmd, Long.toString(pid), "GC.heap_info"));
            return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output;
    }
}
