package org.switchboard.core.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The moments the engine must act at (offer time-outs, wrap-up ends, widening steps, maximum waits), earliest
 * first. Entries are never removed early: one that no longer holds is skipped when it comes up, so that
 * scheduling and cancelling cost no search.
 */
final class Deadlines {

    /** What comes due: an agent's work item, or a waiting contact's widening step or maximum wait. */
    enum Kind { WORK, WIDENING, MAX_WAIT }

    /** One moment, with what it is about. */
    record Deadline(Instant at, Kind kind, Object subject) {
    }

    private final PriorityQueue<Deadline> queue = new PriorityQueue<>(Comparator.comparing(Deadline::at));

    void add(Instant at, Kind kind, Object subject) {
        queue.add(new Deadline(at, kind, subject));
    }

    /** The earliest deadline still in force, dropping those that no longer are. */
    Deadline next(Predicate<Deadline> inForce) {
        while (!queue.isEmpty() && !inForce.test(queue.peek())) {
            queue.poll();
        }
        return queue.peek();
    }

    /** Takes every deadline due by {@code now}, earliest first; the caller skips those no longer in force. */
    List<Deadline> due(Instant now) {
        List<Deadline> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
            due.add(queue.poll());
        }
        return due;
    }
}
