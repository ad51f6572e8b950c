package org.switchboard.benchmarks;

import static org.switchboard.benchmarks.RoutingThroughput.micros;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Prints throughput results as Markdown tables, latencies in microseconds, and the verdict against the targets. */
final class ThroughputReport {

    private ThroughputReport() {
    }

    static void print(List<ThroughputResult> results, PrintStream out) {
        out.println("| load | decisions | decisions/s, engine time of the whole cycle | decisions/s, decision commands "
                + "only | decisions/s, wall incl. driver | p50 µs | p99 µs | p99.9 µs | max µs | mean line (max) "
                + "| mean free agents (min-max) | slot occupancy | arrived / abandoned / refused | simulated s |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (ThroughputResult r : results) {
            Histogram decisions = r.timings().decisions();
            StateTally s = r.state();
            out.printf(Locale.ROOT, "| %.2f | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %.0f (%d) "
                    + "| %,.0f (%,d-%,d) | %.1f %% | %,d / %,d / %,d | %,.0f |%n", r.settings().load(),
                    r.timings().decisionCount(), r.decisionsPerEngineSecond(), r.decisionsPerDecisionSecond(),
                    r.decisionsPerWallSecond(), micros(decisions, 50), micros(decisions, 99),
                    micros(decisions, 99.9), decisions.getMaxValue() / 1e3, s.meanWaiting(), s.maxWaiting(),
                    s.meanFreeAgents(), s.minFreeAgents(), s.maxFreeAgents(), 100 * r.occupancy(), r.arrived(),
                    r.abandoned(), r.refused(), r.simulatedSeconds());
        }
        out.println();
        out.println("| load | command | count | made an offer | decision p50 µs | decision p99 µs | no offer p50 µs "
                + "| no offer p99 µs |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        for (ThroughputResult r : results) {
            for (EngineCommand command : EngineCommand.values()) {
                Histogram offered = r.timings().decisions(command);
                Histogram other = r.timings().others(command);
                long count = offered.getTotalCount() + other.getTotalCount();
                if (count == 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "| %.2f | %s | %,d | %.1f %% | %s | %s | %s | %s |%n", r.settings().load(),
                        command.label(), count, 100.0 * offered.getTotalCount() / count, cell(offered, 50),
                        cell(offered, 99), cell(other, 50), cell(other, 99));
            }
        }
        out.println();
        out.println("| load | nextDeadline() calls timed | p50 µs | p99 µs | max µs |");
        out.println("|---:|---:|---:|---:|---:|");
        for (ThroughputResult r : results) {
            Histogram deadline = r.timings().nextDeadline();
            out.printf(Locale.ROOT, "| %.2f | %,d | %s | %s | %s |%n", r.settings().load(), deadline.getTotalCount(),
                    cell(deadline, 50), cell(deadline, 99), deadline.getTotalCount() == 0 ? "-"
                            : String.format(Locale.ROOT, "%,.0f", deadline.getMaxValue() / 1e3));
        }
        out.println();
        for (ThroughputResult r : results) {
            double p99 = micros(r.timings().decisions(), 99);
            double rate = r.decisionsPerEngineSecond();
            boolean latency = p99 < RoutingThroughput.TARGET_P99_MICROS;
            boolean throughput = rate > RoutingThroughput.TARGET_DECISIONS_PER_SECOND;
            out.printf(Locale.ROOT, "load %.2f: p99 %,.0f µs (target < %,.0f) %s; %,.0f decisions/s (target > %,.0f) %s%s%n",
                    r.settings().load(), p99, RoutingThroughput.TARGET_P99_MICROS, latency ? "met" : "MISSED", rate,
                    RoutingThroughput.TARGET_DECISIONS_PER_SECOND, throughput ? "met" : "MISSED",
                    r.timings().decisionCount() < r.settings().decisions() ? " (wall-time cap reached first)" : "");
        }
    }

    private static String cell(Histogram histogram, double percentile) {
        double value = micros(histogram, percentile);
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.1f", value);
    }
}
