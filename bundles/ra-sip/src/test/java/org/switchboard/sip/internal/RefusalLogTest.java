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
}
