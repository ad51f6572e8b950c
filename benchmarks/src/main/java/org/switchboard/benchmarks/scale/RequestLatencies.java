package org.switchboard.benchmarks.scale;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Round-trip times of REST requests by kind (submit, accept, ...), in nanoseconds, and the failures seen. */
final class RequestLatencies {

    private static final long HIGHEST_NANOS = 120_000_000_000L;

    private final Map<String, Histogram> byKind = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    void record(String kind, long nanos) {
        byKind.computeIfAbsent(kind, any -> new ConcurrentHistogram(HIGHEST_NANOS, 3))
                .recordValue(Math.min(Math.max(nanos, 1), HIGHEST_NANOS));
    }

    /** Counts an answer that was not 2xx (or no answer at all, as status 0), by kind and status. */
    void failed(String kind, int status) {
        failures.computeIfAbsent(kind + " " + status, any -> new AtomicLong()).incrementAndGet();
    }

    Histogram of(String kind) {
        Histogram found = byKind.get(kind);
        return found != null ? found : new Histogram(HIGHEST_NANOS, 3);
    }

    /** Every kind's latencies added together. */
    Histogram all(Iterable<String> kinds) {
        Histogram sum = new Histogram(HIGHEST_NANOS, 3);
        for (String kind : kinds) {
            sum.add(of(kind));
        }
        return sum;
    }

    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }
}
