package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

public class RefusalLogTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final List<String> warnings = new ArrayList<>();
    /** A logger that keeps its WARN lines, formatted. */
    private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("warn") && args != null && args[0] instanceof String format) {
                    Object[] rest = Arrays.copyOfRange(args, 1, args.length);
                    Object[] values = rest.length == 1 && rest[0] instanceof Object[] array ? array : rest;
                    warnings.add(MessageFormatter.arrayFormat(format, values).getMessage());
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    @Test
    public void theFirstRefusalIsLoggedAtOnceThenOneLineAPeriodCountsTheRest() {
        RefusalLog refusals = new RefusalLog(log, 10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        refusals.refused("500", "overloaded", start);
        assertEquals(List.of("Call to 500 refused with 503: overloaded"), warnings);
        for (int i = 1; i < 100; i++) {
            refusals.refused("500", "overloaded", start + i * SECOND / 100);
        }
        assertEquals("nothing more within the period", 1, warnings.size());
        refusals.refused("501", "2 calls in progress", start + 10 * SECOND);
        assertEquals("100 calls refused with 503 in the last 10 s, the last to 501: 2 calls in progress",
                warnings.get(1));
    }

    @Test
    public void afterAQuietSpellTheNextRefusalIsLoggedAtOnceOnItsOwn() {
        RefusalLog refusals = new RefusalLog(log, 10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        refusals.refused("500", "overloaded", start);
        refusals.refused("500", "overloaded", start + SECOND);
        refusals.refused("500", "overloaded", start + 11 * SECOND);
        refusals.refused("502", "no RTP port", start + 60 * SECOND);
        assertEquals(List.of("Call to 500 refused with 503: overloaded",
                "2 calls refused with 503 in the last 11 s, the last to 500: overloaded",
                "Call to 502 refused with 503: no RTP port"), warnings);
    }

    @Test
    public void everyRefusalIsCountedOnceWhenManyThreadsRefuseAtOnce() throws Exception {
        RefusalLog refusals = new RefusalLog(log, 10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        refusals.refused("500", "overloaded", start);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        refusals.refused("500", "overloaded", start + SECOND);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals("nothing more within the period", 1, warnings.size());
        refusals.refused("500", "overloaded", start + 20 * SECOND);
        assertEquals("1001 calls refused with 503 in the last 20 s, the last to 500: overloaded", warnings.get(1));
    }
}
