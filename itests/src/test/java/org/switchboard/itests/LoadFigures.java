package org.switchboard.itests;

import java.util.Map;

/**
 * What a page's first load cost, from the browser's Navigation and Resource Timing entries: bytes over the
 * wire (headers included, the document too), requests, and milliseconds from the start of navigation.
 */
public record LoadFigures(long transferredBytes, int requests, double domContentLoadedMs, double loadMs,
                          Double interactiveMs) {

    /** The performance mark the console sets once a person can use it. */
    public static final String INTERACTIVE_MARK = "console-interactive";

    /** Sums the timing entries in the page; run once the load event has ended. */
    static final String SCRIPT = """
            const navigation = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const mark = performance.getEntriesByName(arguments[0], 'mark')[0];
            return {
              transferred: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
              requests: 1 + resources.length,
              domContentLoaded: navigation.domContentLoadedEventEnd,
              load: navigation.loadEventEnd,
              interactive: mark ? mark.startTime : null
            };""";

    /** The figures from what {@link #SCRIPT} returned through WebDriver (numbers arrive as Long or Double). */
    static LoadFigures of(Map<?, ?> result) {
        Object interactive = result.get("interactive");
        return new LoadFigures(number(result, "transferred").longValue(), number(result, "requests").intValue(),
                number(result, "domContentLoaded").doubleValue(), number(result, "load").doubleValue(),
                interactive == null ? null : ((Number) interactive).doubleValue());
    }

    @Override
    public String toString() {
        return String.format("%,d bytes in %d requests, DOMContentLoaded %.0f ms, load %.0f ms, %s", transferredBytes,
                requests, domContentLoadedMs, loadMs,
                interactiveMs == null ? "no '" + INTERACTIVE_MARK + "' mark" : String.format("interactive %.0f ms", interactiveMs));
    }

    private static Number number(Map<?, ?> result, String key) {
        return (Number) result.get(key);
    }
}
