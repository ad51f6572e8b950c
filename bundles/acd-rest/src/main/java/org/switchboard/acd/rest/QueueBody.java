package org.switchboard.acd.rest;

import java.time.Duration;
import java.util.Set;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.ServiceLevel;

/** A queue's rules as clients send and receive them; durations in seconds, absent fields take defaults (80 % in 20 s). */
public record QueueBody(RoutingStrategy strategy, Set<String> groups, Integer priorityWeightSeconds,
        Integer offerTimeoutSeconds, Integer wrapUpSeconds, Integer maxLength, Boolean blending,
        Integer serviceLevelSeconds, Integer serviceLevelPercent) {

    QueueDefinition toDefinition(String name) {
        QueueDefinition defaults = QueueDefinition.named(name);
        Set<String> checkedGroups = groups == null ? Set.of() : groups;
        checkedGroups.forEach(group -> Check.name("groups", group));
        return new QueueDefinition(name, strategy == null ? defaults.strategy() : strategy, checkedGroups,
                Duration.ofSeconds(Check.range("priorityWeightSeconds", priorityWeightSeconds, 0, 86_400,
                        (int) defaults.priorityWeight().toSeconds())),
                Duration.ofSeconds(Check.range("offerTimeoutSeconds", offerTimeoutSeconds, 1, 600,
                        (int) defaults.offerTimeout().toSeconds())),
                Duration.ofSeconds(Check.range("wrapUpSeconds", wrapUpSeconds, 0, 3_600,
                        (int) defaults.wrapUp().toSeconds())),
                Check.range("maxLength", maxLength, 1, 100_000, defaults.maxLength()),
                blending != null && blending,
                new ServiceLevel(Duration.ofSeconds(Check.range("serviceLevelSeconds", serviceLevelSeconds, 1, 3_600,
                        (int) ServiceLevel.DEFAULT.threshold().toSeconds())),
                        Check.range("serviceLevelPercent", serviceLevelPercent, 1, 100,
                                ServiceLevel.DEFAULT.targetPercent())));
    }

    static QueueBody of(QueueDefinition definition) {
        return new QueueBody(definition.strategy(), definition.groups(),
                (int) definition.priorityWeight().toSeconds(), (int) definition.offerTimeout().toSeconds(),
                (int) definition.wrapUp().toSeconds(), definition.maxLength(), definition.blending(),
                (int) definition.serviceLevel().threshold().toSeconds(), definition.serviceLevel().targetPercent());
    }
}
