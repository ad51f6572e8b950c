package org.switchboard.acd.rest;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.ServiceLevel;
import org.switchboard.api.acd.WideningStep;
import org.switchboard.api.rest.ProblemException;

/** A queue's rules as clients send and receive them; durations in seconds, absent fields take defaults (80 % in 20 s). */
public record QueueBody(RoutingStrategy strategy, Set<String> groups, Integer priorityWeightSeconds,
        Integer offerTimeoutSeconds, Integer wrapUpSeconds, Integer maxLength, Boolean blending,
        Integer serviceLevelSeconds, Integer serviceLevelPercent, List<WideningBody> widening) {

    /** After {@code afterSeconds} of waiting: required levels lowered by {@code lowerLevelsBy}, groups added. */
    public record WideningBody(Integer afterSeconds, Integer lowerLevelsBy, Set<String> addGroups) {

        WideningStep toStep() {
            Set<String> groups = addGroups == null ? Set.of() : addGroups;
            groups.forEach(group -> Check.name("widening.addGroups", group));
            return new WideningStep(Duration.ofSeconds(Check.range("widening.afterSeconds",
                    Check.present("widening.afterSeconds", afterSeconds), 1, 86_400, 0)),
                    Check.range("widening.lowerLevelsBy", lowerLevelsBy, 0, 9, 0), groups);
        }
    }

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
                                ServiceLevel.DEFAULT.targetPercent())),
                steps());
    }

    private List<WideningStep> steps() {
        List<WideningStep> steps = widening == null ? List.of() : widening.stream().map(WideningBody::toStep).toList();
        if (steps.stream().map(WideningStep::after).distinct().count() < steps.size()) {
            throw ProblemException.invalid("widening.afterSeconds", "Two widening steps have the same 'afterSeconds'");
        }
        return steps;
    }

    static QueueBody of(QueueDefinition definition) {
        return new QueueBody(definition.strategy(), definition.groups(),
                (int) definition.priorityWeight().toSeconds(), (int) definition.offerTimeout().toSeconds(),
                (int) definition.wrapUp().toSeconds(), definition.maxLength(), definition.blending(),
                (int) definition.serviceLevel().threshold().toSeconds(), definition.serviceLevel().targetPercent(),
                definition.widening().stream().map(step -> new WideningBody((int) step.after().toSeconds(),
                        step.lowerLevelsBy(), step.addGroups())).toList());
    }
}
