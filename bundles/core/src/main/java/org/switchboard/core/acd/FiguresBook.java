package org.switchboard.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.QueueFigures;
import org.switchboard.api.acd.ServiceLevel;

/**
 * Keeps each queue's figures of the day from the distribution events, in constant time per event, on the
 * writer's thread. Counters start again at local midnight; contacts in progress are followed across it.
 */
public final class FiguresBook {

    static final Duration SHORT_ABANDON = Duration.ofSeconds(5);
    /** Weight of the newest handle time in a queue's recent average: the last ten or so count most. */
    static final double RECENT_WEIGHT = 0.2;

    private final Clock clock;
    private final ZoneId zone;
    private final Function<String, ServiceLevel> goals;
    private final Map<String, Counters> counters = new HashMap<>();
    private final Map<String, Track> tracks = new HashMap<>();
    /** Each queue's recent handle time in milliseconds, an exponentially weighted average kept across days. */
    private final Map<String, Double> recentHandleMillis = new HashMap<>();
    private LocalDate day;
    private Instant since;

    /** A queue's counters of the day. */
    private static final class Counters {
        int entered;
        int answered;
        int answeredInThreshold;
        int abandoned;
        int shortAbandoned;
        int completed;
        Duration waited = Duration.ZERO;
        Duration handled = Duration.ZERO;
    }

    /** One contact's way through its queue. */
    private static final class Track {
        final String queue;
        final Instant entered;
        Instant accepted;

        Track(String queue, Instant entered) {
            this.queue = queue;
            this.entered = entered;
        }
    }

    /** {@code goals} gives a queue's service-level goal at the moment a contact is answered. */
    public FiguresBook(Clock clock, Function<String, ServiceLevel> goals) {
        this.clock = clock;
        this.zone = clock.getZone();
        this.goals = goals;
        roll(clock.instant());
    }

    public void record(AcdEvent event) {
        roll(event.at());
        if (event instanceof AcdEvent.Queued queued && !queued.requeued()) {
            String queue = queued.interaction().queue();
            tracks.put(queued.interaction().id(), new Track(queue, queued.at()));
            counters(queue).entered++;
        } else if (event instanceof AcdEvent.Accepted accepted) {
            Track track = tracks.get(accepted.interactionId());
            if (track != null) {
                track.accepted = accepted.at();
                Duration waited = Duration.between(track.entered, accepted.at());
                Counters queue = counters(track.queue);
                queue.answered++;
                queue.waited = queue.waited.plus(waited);
                if (waited.compareTo(goals.apply(track.queue).threshold()) <= 0) {
                    queue.answeredInThreshold++;
                }
            }
        } else if (event instanceof AcdEvent.Abandoned abandoned) {
            Track track = tracks.remove(abandoned.interactionId());
            if (track != null) {
                Counters queue = counters(track.queue);
                queue.abandoned++;
                if (Duration.between(track.entered, abandoned.at()).compareTo(SHORT_ABANDON) < 0) {
                    queue.shortAbandoned++;
                }
            }
        } else if (event instanceof AcdEvent.Dropped dropped) {
            tracks.remove(dropped.interactionId());
        } else if (event instanceof AcdEvent.Overflowed overflowed
                && overflowed.action() == MaxWait.Action.MESSAGE) {
            tracks.remove(overflowed.interactionId());
        } else if (event instanceof AcdEvent.Completed completed) {
            Track track = tracks.remove(completed.interactionId());
            if (track != null && track.accepted != null) {
                Counters queue = counters(track.queue);
                queue.completed++;
                Duration handled = Duration.between(track.accepted, completed.at());
                queue.handled = queue.handled.plus(handled);
                recentHandleMillis.merge(track.queue, (double) handled.toMillis(),
                        (recent, latest) -> recent + RECENT_WEIGHT * (latest - recent));
            }
        }
    }

    /** The figures of a queue now, given what waits in it. */
    public QueueFigures figures(String queue, int waiting, Instant longestWaitingSince) {
        roll(clock.instant());
        Counters c = counters.getOrDefault(queue, new Counters());
        int served = c.answered + c.abandoned - c.shortAbandoned;
        return new QueueFigures(queue, since, waiting,
                longestWaitingSince == null ? 0 : Duration.between(longestWaitingSince, clock.instant()).toSeconds(),
                c.entered, c.answered, c.answeredInThreshold, c.abandoned, c.shortAbandoned, c.completed,
                served == 0 ? null : 100.0 * c.answeredInThreshold / served, goals.apply(queue),
                c.answered == 0 ? null : c.waited.toMillis() / 1000.0 / c.answered,
                c.completed == 0 ? null : c.handled.toMillis() / 1000.0 / c.completed);
    }

    /** A queue's recent average handle time (answer to wrap-up done), or null before its first. */
    public Duration recentHandleTime(String queue) {
        Double millis = recentHandleMillis.get(queue);
        return millis == null ? null : Duration.ofMillis(Math.round(millis));
    }

    private Counters counters(String queue) {
        return counters.computeIfAbsent(queue, name -> new Counters());
    }

    private void roll(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        if (!today.equals(day)) {
            day = today;
            since = today.atStartOfDay(zone).toInstant();
            counters.clear();
        }
    }
}
