package org.switchboard.benchmarks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The routing-throughput benchmark's command-line options, {@code key=value} each, with the defaults of the issue. */
record ThroughputOptions(int agents, int queues, int skills, List<Double> loads, long decisions,
        double warmUpSeconds, double maxWarmUpWallSeconds, double maxMeasureSeconds, long seed) {

    private static final Set<String> KEYS = Set.of("agents", "queues", "skills", "loads", "decisions", "warmup",
            "warmupwall", "maxseconds", "seed");

    static ThroughputOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg : arg.substring(0, equals).toLowerCase(java.util.Locale.ROOT);
            if (equals < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("expected key=value with a key of " + KEYS + ", got '" + arg + "'");
            }
            given.put(key, arg.substring(equals + 1));
        }
        return new ThroughputOptions(
                Integer.parseInt(given.getOrDefault("agents", "10000")),
                Integer.parseInt(given.getOrDefault("queues", "200")),
                Integer.parseInt(given.getOrDefault("skills", "50")),
                Arrays.stream(given.getOrDefault("loads", "0.85,1.0").split(",")).map(Double::parseDouble).toList(),
                Long.parseLong(given.getOrDefault("decisions", "20000")),
                // Past the voice and chat customers' patience, so lines have found their length.
                Double.parseDouble(given.getOrDefault("warmup", "600")),
                Double.parseDouble(given.getOrDefault("warmupwall", "150")),
                Double.parseDouble(given.getOrDefault("maxseconds", "90")),
                Long.parseLong(given.getOrDefault("seed", "20260105")));
    }

    ThroughputSettings settings(double load) {
        return new ThroughputSettings(load, warmUpSeconds, maxWarmUpWallSeconds, decisions, maxMeasureSeconds, seed);
    }
}
