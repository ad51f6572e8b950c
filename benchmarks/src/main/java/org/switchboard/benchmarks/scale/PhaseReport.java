package org.switchboard.benchmarks.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Collects the scale check's figures as they come and prints them as Markdown tables at the end. */
final class PhaseReport {

    private final ScaleOptions options;
    private final RequestLatencies latencies;
    private final List<String> phases = new ArrayList<>();
    private final List<String> memory = new ArrayList<>();
    private String flow;

    PhaseReport(ScaleOptions options, RequestLatencies latencies) {
        this.options = options;
        this.latencies = latencies;
    }

    void phase(String what, String kind, long nanos) {
        Histogram latency = latencies.of(kind);
        phases.add(String.format(Locale.ROOT, "| %s | %,d | %.1f s | %,.0f | %s | %s | %s |", what,
                latency.getTotalCount(), nanos / 1e9, latency.getTotalCount() / (nanos / 1e9),
                ms(latency, 50), ms(latency, 99), ms(latency, 100)));
        System.out.println(what + ": " + String.format(Locale.ROOT, "%.1f s", nanos / 1e9));
    }

    void memory(String when, ProcessProbe probe) {
        if (!probe.known()) {
            return;
        }
        String line = String.format(Locale.ROOT, "| %s | %.0f MiB | %.0f MiB | %.1f s |", when, probe.heapAfterGcMib(),
                probe.rssMib(), probe.cpuSeconds());
        memory.add(line);
        System.out.println(line);
    }

    void flow(ContactFlow contacts, long nanos, List<String> flowKinds, double cpuSeconds, long events) {
        double seconds = nanos / 1e9;
        Histogram all = latencies.all(flowKinds);
        Histogram wait = contacts.submitToOffer();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Contacts for %.0f s at %.1f/s asked: %,d submitted, %,d offered, %,d "
                + "accepted, %,d completed; %,d requests, %,.1f requests/s; %,d events streamed; appliance CPU %.1f s "
                + "= %.2f cores%n%n", seconds, options.contactsPerSecond(), contacts.submitted(), contacts.offered(),
                contacts.accepted(), contacts.completed(), all.getTotalCount(), all.getTotalCount() / seconds, events,
                cpuSeconds, cpuSeconds / seconds));
        text.append("| request | count | p50 ms | p99 ms | p99.9 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        for (String kind : flowKinds) {
            text.append(latencyRow(kind, latencies.of(kind)));
        }
        text.append(latencyRow("all four", all));
        text.append(latencyRow("submit → Offered event", wait));
        flow = text.toString();
    }

    void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "Scale check: %,d agents, %d requests at once%n%n", options.agents(),
                options.parallel());
        System.out.println("| phase | requests | wall time | requests/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        phases.forEach(System.out::println);
        System.out.println();
        if (flow != null) {
            System.out.println(flow);
        }
        if (!memory.isEmpty()) {
            System.out.println("| appliance | heap after full GC | RSS | CPU used since start |");
            System.out.println("|---|---:|---:|---:|");
            memory.forEach(System.out::println);
            System.out.println();
        }
        java.util.Map<String, Long> failures = latencies.failures();
        System.out.println(failures.isEmpty() ? "no failed request"
                : "failed requests (kind status: count): " + failures);
    }

    private static String latencyRow(String kind, Histogram latency) {
        return String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s |%n", kind, latency.getTotalCount(),
                ms(latency, 50), ms(latency, 99), ms(latency, 99.9), ms(latency, 100));
    }

    private static String ms(Histogram latency, double percentile) {
        return latency.getTotalCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%,.1f", latency.getValueAtPercentile(percentile) / 1e6);
    }
}
