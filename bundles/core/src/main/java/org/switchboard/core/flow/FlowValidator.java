package org.switchboard.core.flow;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.switchboard.api.acd.OpeningHours;
import org.switchboard.api.flow.Flow;
import org.switchboard.api.flow.FlowInvalidException;
import org.switchboard.api.flow.Step;

/**
 * Checks a flow before it is saved: every step it names exists, every prompt and queue exists, values are
 * in range, and no loop runs without waiting for the caller (it would spin forever).
 */
public final class FlowValidator {

    private static final String DIGITS = "0123456789*#";

    private final Predicate<String> queueExists;
    private final Predicate<String> promptExists;
    private final Predicate<String> skillExists;

    public FlowValidator(Predicate<String> queueExists, Predicate<String> promptExists, Predicate<String> skillExists) {
        this.queueExists = queueExists;
        this.promptExists = promptExists;
        this.skillExists = skillExists;
    }

    public void check(Flow flow) {
        if (!flow.steps().containsKey(flow.start())) {
            throw new FlowInvalidException(null, "'start' names no step: '" + flow.start() + "'");
        }
        // In name order, so that the same mistake is always reported the same way.
        new java.util.TreeMap<>(flow.steps()).forEach((name, step) -> {
            for (String exit : step.exits()) {
                if (!flow.steps().containsKey(exit)) {
                    throw new FlowInvalidException(name, "leads to '" + exit + "', which is no step of this flow");
                }
            }
            checkStep(name, step);
        });
        noLoopWithoutInput(flow);
    }

    private void checkStep(String name, Step step) {
        if (step instanceof Step.Play play) {
            prompt(name, play.prompt());
        } else if (step instanceof Step.Menu menu) {
            prompt(name, menu.prompt());
            prompt(name, menu.invalidPrompt());
            if (menu.choices().isEmpty()) {
                throw new FlowInvalidException(name, "a menu needs at least one choice");
            }
            for (String digit : menu.choices().keySet()) {
                if (digit.length() != 1 || DIGITS.indexOf(digit.charAt(0)) < 0) {
                    throw new FlowInvalidException(name, "choice '" + digit + "' is not one key (0-9, * or #)");
                }
            }
            range(name, "timeoutSeconds", menu.timeoutSeconds(), 1, 60);
            range(name, "attempts", menu.attempts(), 1, 10);
        } else if (step instanceof Step.Collect collect) {
            prompt(name, collect.prompt());
            range(name, "maxDigits", collect.maxDigits(), 1, 64);
            range(name, "timeoutSeconds", collect.timeoutSeconds(), 1, 60);
            for (char c : collect.terminator().toCharArray()) {
                if (DIGITS.indexOf(c) < 0) {
                    throw new FlowInvalidException(name, "terminator '" + collect.terminator() + "' must be keys (* or #)");
                }
            }
        } else if (step instanceof Step.Hours hours) {
            hours(name, hours);
        } else if (step instanceof Step.HttpLookup http) {
            URI uri;
            try {
                uri = URI.create(http.url().replaceAll("\\{[A-Za-z0-9_.-]+}", "x"));
            } catch (IllegalArgumentException e) {
                throw new FlowInvalidException(name, "'url' is not a URL: " + e.getMessage());
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new FlowInvalidException(name, "'url' must be http or https");
            }
            range(name, "timeoutMillis", http.timeoutMillis(), 100, 30_000);
            http.attributes().forEach((attribute, pointer) -> {
                if (!pointer.startsWith("/")) {
                    throw new FlowInvalidException(name, "attribute '" + attribute
                            + "' must name a JSON pointer such as /customer/name, not '" + pointer + "'");
                }
            });
        } else if (step instanceof Step.Queue queue) {
            if (!queueExists.test(queue.queue())) {
                throw new FlowInvalidException(name, "no queue '" + queue.queue() + "'");
            }
            range(name, "priority", queue.priority(), 0, 100);
            range(name, "announceSeconds", queue.announceSeconds(), 0, 3600);
            if (queue.announceSeconds() > 0 && queue.announceSeconds() < 10) {
                throw new FlowInvalidException(name, "'announceSeconds' must be 0 (never) or at least 10");
            }
            if (queue.announceSeconds() > 0) {
                prompt(name, queue.language() + "/position");
            }
            if (queue.callbackKey() != null) {
                if (queue.callbackKey().length() != 1 || DIGITS.indexOf(queue.callbackKey().charAt(0)) < 0) {
                    throw new FlowInvalidException(name, "'callbackKey' must be one key (0-9, * or #)");
                }
                if (queue.announceSeconds() == 0) {
                    throw new FlowInvalidException(name, "a callback is offered with the announcements: set 'announceSeconds'");
                }
                prompt(name, queue.language() + "/callback-offer");
                prompt(name, queue.language() + "/callback-confirm");
            }
            Set<String> unknown = new TreeSet<>();
            queue.skills().forEach((skill, level) -> {
                if (!skillExists.test(skill)) {
                    unknown.add(skill);
                }
                range(name, "skills." + skill, level, 0, 10);
            });
            if (!unknown.isEmpty()) {
                throw new FlowInvalidException(name, "skills not in the catalogue: " + unknown);
            }
        } else if (step instanceof Step.Voicemail voicemail) {
            prompt(name, voicemail.prompt());
            if (!queueExists.test(voicemail.mailbox())) {
                throw new FlowInvalidException(name, "'mailbox' names no queue: '" + voicemail.mailbox() + "'");
            }
            range(name, "maxSeconds", voicemail.maxSeconds(), 1, 600);
            prompt(name, "beep");
        } else if (step instanceof Step.Transfer transfer) {
            if (!transfer.destination().contains("{") && !transfer.destination().matches("\\+?[0-9*#]{2,32}")) {
                throw new FlowInvalidException(name, "'destination' must be an extension or a number such as"
                        + " +74951234567 (or an {attribute} holding one), was '" + transfer.destination() + "'");
            }
            range(name, "ringSeconds", transfer.ringSeconds(), 5, 300);
        } else if (step instanceof Step.HangUp hangUp) {
            prompt(name, hangUp.prompt());
        }
        // A set step takes any attribute and value.
    }

    private void hours(String name, Step.Hours hours) {
        ZoneId zone;
        try {
            zone = ZoneId.of(hours.timeZone());
        } catch (DateTimeException e) {
            throw new FlowInvalidException(name, "'timeZone' is not a time zone: '" + hours.timeZone() + "'");
        }
        Set<LocalDate> closed = new HashSet<>();
        for (String date : hours.closedDates()) {
            try {
                closed.add(LocalDate.parse(date));
            } catch (DateTimeException e) {
                throw new FlowInvalidException(name, "closed date '" + date + "' is not YYYY-MM-DD");
            }
        }
        try {
            new OpeningHours(hours.openingHours(), zone, closed);
        } catch (IllegalArgumentException e) {
            throw new FlowInvalidException(name, "'openingHours': " + e.getMessage());
        }
    }

    private void prompt(String step, String prompt) {
        if (prompt != null && !promptExists.test(prompt)) {
            throw new FlowInvalidException(step, "no prompt '" + prompt + "'");
        }
    }

    private static void range(String step, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new FlowInvalidException(step, "'" + field + "' must be between " + min + " and " + max + ", not " + value);
        }
    }

    /** A cycle of steps none of which waits for a key would run without end: refuse it. */
    private static void noLoopWithoutInput(Flow flow) {
        Map<String, Step> steps = flow.steps();
        Set<String> done = new HashSet<>();
        for (String origin : new TreeSet<>(steps.keySet())) {
            if (waitsForCaller(steps.get(origin)) || done.contains(origin)) {
                continue;
            }
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(origin));
            Set<String> seen = new HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                String last = path.get(path.size() - 1);
                for (String exit : steps.get(last).exits()) {
                    if (exit.equals(origin)) {
                        throw new FlowInvalidException(origin, "loops back to itself through " + path
                                + " without waiting for the caller (add a menu or collect step)");
                    }
                    if (!waitsForCaller(steps.get(exit)) && seen.add(exit)) {
                        List<String> longer = new java.util.ArrayList<>(path);
                        longer.add(exit);
                        paths.push(longer);
                    }
                }
            }
            done.add(origin);
        }
    }

    private static boolean waitsForCaller(Step step) {
        return step instanceof Step.Menu || step instanceof Step.Collect || step instanceof Step.Voicemail;
    }
}
