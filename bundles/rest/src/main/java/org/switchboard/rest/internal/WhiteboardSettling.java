package org.switchboard.rest.internal;

import java.util.Collection;

/**
 * Decides from the JAX-RS runtime's service properties, polled, when the whiteboard has settled: it has finished
 * starting and its change count has then stood still for a number of polls in a row.
 * <p>
 * The change count alone does not tell that the whiteboard has started: it counts the default application as soon
 * as the whiteboard sees it, and then stands still while that application deploys, which takes seconds on a loaded
 * machine. The whiteboard sets its endpoints ({@code osgi.jaxrs.endpoint}) only once its start-up tracking has
 * returned, so their presence is the sign that services registered from now on are safe.
 */
final class WhiteboardSettling {

    private final int stillPolls;
    private Object lastCount;
    private int still;

    WhiteboardSettling(int stillPolls) {
        this.stillPolls = stillPolls;
    }

    /** Records one poll of the runtime's change count and endpoints; true once the whiteboard counts as settled. */
    boolean settledAfter(Object changeCount, Object endpoints) {
        boolean started = present(endpoints);
        still = started && changeCount != null && changeCount.equals(lastCount) ? still + 1 : 0;
        lastCount = changeCount;
        return still >= stillPolls;
    }

    private static boolean present(Object endpoints) {
        if (endpoints instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (endpoints instanceof Object[] array) {
            return array.length > 0;
        }
        return endpoints instanceof String text && !text.isBlank();
    }
}
