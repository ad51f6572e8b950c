package org.switchboard.acd.rest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.OpeningHours;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.ServiceLevel;
import org.switchboard.api.acd.WideningStep;
import org.switchboard.api.rest.ProblemException;

/**
 * A queue's rules as clients send and receive them; durations in seconds, absent fields take defaults (80 % in
 * 20 s, no maximum wait, always open). {@code openingHours} reads like {@code "mon-fri 09:00-18:00; sat 10:00-14:00"}
 * in {@code timeZone} (default UTC), closed on {@code closedDates} (ISO dates); outside them contacts go to
 * {@code afterHoursQueue}, or are refused.
 */
public record QueueBody(RoutingStrategy strategy, Set<String> groups, Integer priorityWeightSeconds,
        Integer offerTimeoutSeconds, Integer wrapUpSeconds, Integer maxLength, Boolean blending,
        Integer serviceLevelSeconds, Integer serviceLevelPercent, List<WideningBody> widening, MaxWaitBody maxWait,
        String openingHours, String timeZone, List<String> closedDates, String afterHoursQueue) {

    /** After {@code afterSeconds} in the queue: CALLBACK (calls), QUEUE {@code target}, or MESSAGE. */
    public record MaxWaitBody(Integer afterSeconds, MaxWait.Action action, String target) {

        MaxWait toMaxWait() {
            int after = Check.range("maxWait.afterSeconds", Check.present("maxWait.afterSeconds", afterSeconds),
                    1, 86_400, 0);
            MaxWait.Action chosen = Check.present("maxWait.action", action);
            String queue = chosen == MaxWait.Action.QUEUE
                    ? Check.name("maxWait.target", Check.present("maxWait.target", target)) : null;
            return new MaxWait(Duration.ofSeconds(after), chosen, queue);
        }
    }

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
                steps(), maxWait == null ? null : maxWait.toMaxWait(), hours(),
                afterHoursQueue == null ? null : Check.name("afterHoursQueue", afterHoursQueue));
    }

    private OpeningHours hours() {
        if (openingHours == null || openingHours.isBlank()) {
            if (afterHoursQueue != null || (closedDates != null && !closedDates.isEmpty())) {
                throw ProblemException.invalid("openingHours", "'afterHoursQueue' and 'closedDates' need 'openingHours'");
            }
            return null;
        }
        ZoneId zone;
        try {
            zone = timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "'" + timeZone + "' is not a time zone such as Europe/Moscow");
        }
        Set<LocalDate> dates = new HashSet<>();
        for (String date : closedDates == null ? List.<String>of() : closedDates) {
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeException e) {
                throw ProblemException.invalid("closedDates", "'" + date + "' is not a date such as 2026-01-01");
            }
        }
        try {
            return new OpeningHours(openingHours, zone, dates);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("openingHours", "Opening hours: " + e.getMessage());
        }
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
                        step.lowerLevelsBy(), step.addGroups())).toList(),
                definition.maxWait() == null ? null : new MaxWaitBody((int) definition.maxWait().after().toSeconds(),
                        definition.maxWait().action(), definition.maxWait().target()),
                definition.hours() == null ? null : definition.hours().spec(),
                definition.hours() == null ? null : definition.hours().zone().getId(),
                definition.hours() == null ? null
                        : definition.hours().closedDates().stream().sorted().map(LocalDate::toString).toList(),
                definition.afterHours());
    }
}
