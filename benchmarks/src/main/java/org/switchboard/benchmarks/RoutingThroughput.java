package org.switchboard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Routing throughput of {@link org.switchboard.core.acd.AcdEngine} on one thread: a generated skills-based
 * centre (10,000 agents, 200 queues, 50 skills by default) at several loads, with the latency of single
 * routing decisions. Prints Markdown tables; measures only, asserts nothing.
 */
public final class RoutingThroughput {

    /** Targets of the issue: p99 of one decision and decisions per second on one core. */
    static final double TARGET_P99_MICROS = 1_000;
    static final double TARGET_DECISIONS_PER_SECOND = 20_000;

    private RoutingThroughput() {
    }

    /**
     * Arguments, each optional ({@code key=value}): agents=10000 queues=200 skills=50 loads=0.85,1.0
     * decisions=20000 warmup=600 (simulated s) warmupwall=150 maxseconds=90 (wall s per load) seed=20260105.
     */
    public static void main(String[] args) {
        ThroughputOptions options = ThroughputOptions.parse(args);
        long began = System.nanoTime();
        Population population = PopulationGenerator.generate(options.agents(), options.queues(), options.skills(),
                options.seed());
        System.out.printf(Locale.ROOT, "Routing throughput of AcdEngine, one thread: %,d agents, %,d queues, %d skills, "
                + "seed %d, Java %s, %d processors%n", options.agents(), options.queues(), options.skills(),
                options.seed(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println(describe(population));
        System.out.printf(Locale.ROOT, "Per load: the agents' slots filled at t=0, %,.0f s simulated warm-up (at most "
                + "%.0f s of wall time), then %,d decisions measured (at most %.0f s of wall time)%n%n",
                options.warmUpSeconds(), options.maxWarmUpWallSeconds(), options.decisions(),
                options.maxMeasureSeconds());
        List<ThroughputResult> results = new ArrayList<>();
        for (double load : options.loads()) {
            ThroughputResult result = new SteadyStateRun(population, options.settings(load)).run();
            results.add(result);
            System.out.printf(Locale.ROOT, "load %.2f: %,d contacts in hand after filling at t=0, warm-up to %,.0f simulated s, %,d decisions "
                    + "measured in %.1f s%n", load, result.prefilled(), result.warmUpSimulatedSeconds(),
                    result.timings().decisionCount(), result.wallNanos() / 1e9);
        }
        System.out.println();
        ThroughputReport.print(results, System.out);
        System.out.printf(Locale.ROOT, "%nwhole run %.0f s%n", (System.nanoTime() - began) / 1e9);
    }

    /** One paragraph about the generated centre: capacity mix, queue channels and strategies, skill coverage. */
    static String describe(Population population) {
        Map<String, Long> mixes = population.agents().stream().collect(Collectors.groupingBy(
                agent -> new TreeMap<>(agent.capacity()).toString(), TreeMap::new, Collectors.counting()));
        Map<String, Long> channels = population.queues().stream().collect(Collectors.groupingBy(
                queue -> queue.channel().name(), TreeMap::new, Collectors.counting()));
        Map<String, Long> strategies = population.queues().stream().collect(Collectors.groupingBy(
                queue -> queue.definition().strategy().name(), TreeMap::new, Collectors.counting()));
        Map<Integer, Long> requirementCounts = population.queues().stream().collect(Collectors.groupingBy(
                queue -> queue.requirements().size(), TreeMap::new, Collectors.counting()));
        long widening = population.queues().stream().filter(queue -> !queue.definition().widening().isEmpty()).count();
        int[] eligible = population.queues().stream().mapToInt(QueueProfile::eligibleAgents).sorted().toArray();
        double skillsPerAgent = population.agents().stream().mapToInt(agent -> agent.skills().size()).average()
                .orElse(0);
        Map<Integer, Long> levels = population.agents().stream().flatMap(agent -> agent.skills().values().stream())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return String.format(Locale.ROOT, "agents by capacity %s; %.1f skills per agent, levels %s; %,d slots%n"
                + "queues by channel %s, by strategy %s, by skills required %s, %d with a widening step; "
                + "agents able to serve a queue: min %d, median %d, max %d; arrivals at load 1: %.1f per simulated s",
                mixes, skillsPerAgent, levels, population.slots(), channels, strategies, requirementCounts, widening,
                eligible[0], eligible[eligible.length / 2], eligible[eligible.length - 1],
                population.arrivalsPerSecond(1.0));
    }

    static double micros(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e3;
    }
}
