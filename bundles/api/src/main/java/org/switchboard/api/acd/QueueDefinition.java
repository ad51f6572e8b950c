package org.switchboard.api.acd;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A queue's routing rules. {@code groups} are the agent groups that serve it (empty: any agent with the
 * skills). A contact's score is {@code priority * priorityWeight} seconds plus the seconds it waited, so a
 * long-waiting normal contact eventually overtakes a fresh VIP. {@code blending} lets an agent busy on one
 * channel be offered another (a chat during a call). {@code serviceLevel} is the goal its figures are held to;
 * {@code widening} lets more agents take a contact the longer it waits.
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
        List<WideningStep> widening) {

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
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
    }

    /** A queue with the usual defaults: longest idle, 60 s per priority step, 20 s to answer, 30 s wrap-up, 80/20. */
    public static QueueDefinition named(String name) {
        return new QueueDefinition(name, RoutingStrategy.LONGEST_IDLE, Set.of(), Duration.ofSeconds(60),
                Duration.ofSeconds(20), Duration.ofSeconds(30), 1000, false, ServiceLevel.DEFAULT,
                List.of());
    }

    public QueueDefinition withStrategy(RoutingStrategy newStrategy) {
        return new QueueDefinition(name, newStrategy, groups, priorityWeight, offerTimeout, wrapUp,
                maxLength, blending, serviceLevel, widening);
    }

    public QueueDefinition withGroups(Set<String> newGroups) {
        return new QueueDefinition(name, strategy, newGroups, priorityWeight, offerTimeout, wrapUp,
                maxLength, blending, serviceLevel, widening);
    }

    public QueueDefinition withWrapUp(Duration newWrapUp) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, newWrapUp,
                maxLength, blending, serviceLevel, widening);
    }

    public QueueDefinition withBlending(boolean newBlending) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp,
                maxLength, newBlending, serviceLevel, widening);
    }

    public QueueDefinition withServiceLevel(ServiceLevel newServiceLevel) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp, maxLength, blending,
                newServiceLevel, widening);
    }

    public QueueDefinition withWidening(List<WideningStep> newWidening) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp, maxLength, blending,
                serviceLevel, newWidening);
    }

    /** The steps a contact has reached after waiting this long, earliest first. */
    public List<WideningStep> reached(Duration waited) {
        return widening.stream().filter(step -> step.after().compareTo(waited) <= 0).toList();
    }

    public QueueDefinition withMaxLength(int newMaxLength) {
        return new QueueDefinition(name, strategy, groups, priorityWeight, offerTimeout, wrapUp,
                newMaxLength, blending, serviceLevel, widening);
    }
}
