package org.switchboard.benchmarks.scale;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scale check's options, {@code key=value} each: where the appliance answers and as whom, its process id
 * (for memory and CPU), how many agents, how long and how fast contacts flow, and how many requests at once.
 */
record ScaleOptions(URI base, String user, String password, long pid, int clockTicksPerSecond, int agents,
        int seconds, double contactsPerSecond, double talkSeconds, double wrapUpSeconds, int parallel) {

    private static final Set<String> KEYS = Set.of("base", "user", "password", "pid", "clktck", "agents", "seconds",
            "rate", "talk", "wrapup", "parallel");

    static ScaleOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg : arg.substring(0, equals).toLowerCase(Locale.ROOT);
            if (equals < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("expected key=value with a key of " + KEYS + ", got '" + arg + "'");
            }
            given.put(key, arg.substring(equals + 1));
        }
        if (!given.containsKey("base") || !given.containsKey("password")) {
            throw new IllegalArgumentException("base=http://localhost:PORT/api/v1 and password= are required");
        }
        return new ScaleOptions(URI.create(given.get("base").replaceAll("/+$", "")), given.getOrDefault("user", "admin"),
                given.get("password"), Long.parseLong(given.getOrDefault("pid", "0")),
                Integer.parseInt(given.getOrDefault("clktck", "100")),
                Integer.parseInt(given.getOrDefault("agents", "2500")),
                Integer.parseInt(given.getOrDefault("seconds", "120")),
                Double.parseDouble(given.getOrDefault("rate", "20")),
                Double.parseDouble(given.getOrDefault("talk", "90")),
                Double.parseDouble(given.getOrDefault("wrapup", "2")),
                Integer.parseInt(given.getOrDefault("parallel", "4")));
    }
}
