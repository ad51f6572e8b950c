package org.switchboard.api.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A queue's routing rules. {@code groups} are the agent groups that serve it (empty: any agent with the
 * skills). A contact's score is {@code priority * priorityWeight} seconds plus the seconds it waited, so a
 * long-waiting normal contact eventually overtakes a fresh VIP. {@code blending} lets an agent busy on one
 * channel be offered another (a chat during a call). {@code serviceLevel} is the goal its figures are held to;
 * {@code widening} lets more agents take a contact the longer it waits. {@code maxWait} (optional) says what
 * becomes of a contact that waited too long; {@code hours} (optional: always open) when the queue takes
 * contacts, and {@code afterHours} the queue that takes them meanwhile (none: they are refused).
 */
public record QueueDefinition(
        String name,
        RoutingStrategy strategy,
        Set<String> groups,
        Duration priorityWeight,
        Duration offerTimeout,
        Duration wrapUp,
        int maxLength,
        boolean blending,
        ServiceLevel serviceLevel,
        List<WideningStep> widening,
        MaxWait maxWait,
        OpeningHours hours,
        String afterHours) {

    public QueueDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(priorityWeight, "priorityWeight");
        Objects.requireNonNull(offerTimeout, "offerTimeout");
        Objects.requireNonNull(wrapUp, "wrapUp");
        Objects.requireNonNull(serviceLevel, "serviceLevel");
        Objects.requireNonNull(widening, "widening");
        widening = widening.stream().sorted(Comparator.comparing(WideningStep::after)).toList();
        if (afterHours != null && afterHours.isBlank()) {
            afterHours = null;
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
    }

    /** A queue with the usual defaults: longest idle, 60 s per priority step, 20 s to answer, 30 s wrap-up, 80/20. */
    public static QueueDefinition named(String name) {
        return new QueueDefinition(name, RoutingStrategy.LONGEST_IDLE, Set.of(), Duration.ofSeconds(60),
                Duration.ofSeconds(20), Duration.ofSeconds(30), 1000, false, ServiceLevel.DEFAULT,
                List.of(), null, null, null);
    }

    public QueueDefinition withStrategy(RoutingStrategy newStrategy) {
        return new QueueDefinition(name, newStrategy, groups, priorityWeight, offerTimeout, wrapUp,
                maxLength, blending, serviceLevel, widening, maxWait, hours, afterHours);
    }

    public QueueDefinition withGroups(Set<String> newGroups) {
        return new QueueDefinition(name, strategy, newGroups, priorityWeight, offerTimeout, wrapUp,
                maxLength, blending, serviceLevel, widening, maxWait, hours, afterHours);
    }

    public QueueDefinition withWrapUp(Duration newWrapUp) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, newWrapUp,
                maxLength, blending, serviceLevel, widening, maxWait, hours, afterHours);
    }

    public QueueDefinition withBlending(boolean newBlending) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp,
                maxLength, newBlending, serviceLevel, widening, maxWait, hours, afterHours);
    }

    public QueueDefinition withServiceLevel(ServiceLevel newServiceLevel) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp, maxLength, blending,
                newServiceLevel, widening, maxWait, hours, afterHours);
    }

    public QueueDefinition withWidening(List<WideningStep> newWidening) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp, maxLength, blending,
                serviceLevel, newWidening, maxWait, hours, afterHours);
    }

    /** The steps a contact has reached after waiting this long, earliest first. */
    public List<WideningStep> reached(Duration waited) {
        return widening.stream().filter(step -> step.after().compareTo(waited) <= 0).toList();
    }

    public QueueDefinition withMaxWait(MaxWait newMaxWait) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp, maxLength, blending,
                serviceLevel, widening, newMaxWait, hours, afterHours);
    }

    /** Opening hours, and the queue that takes contacts outside them (null: they are refused). */
    public QueueDefinition withHours(OpeningHours newHours, String newAfterHours) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp, maxLength, blending,
                serviceLevel, widening, maxWait, newHours, newAfterHours);
    }

    /** Whether the queue takes contacts at this instant. */
    public boolean isOpen(Instant at) {
        return hours == null || hours.isOpen(at);
    }

    public QueueDefinition withMaxLength(int newMaxLength) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp,
                newMaxLength, blending, serviceLevel, widening, maxWait, hours, afterHours);
    }
}
