package org.switchboard.core.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.OpeningHours;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.flow.CallSession;
import org.switchboard.api.flow.Flow;
import org.switchboard.api.flow.Step;

/**
 * One call going through a flow. Each step hands the call to the session and continues in the session's
 * callback, on the call's thread, so a run is never touched by two threads at once.
 */
final class FlowRun {

    private static final Logger LOG = LoggerFactory.getLogger(FlowRun.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    /** Steps one call may take: a flow that keeps a caller this long has gone wrong. */
    private static final int MAX_STEPS = 500;

    private final Flow flow;
    private final CallSession call;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private int steps;

    FlowRun(Flow flow, CallSession call, HttpClient http, Clock clock) {
        this.flow = flow;
        this.call = call;
        this.http = http;
        this.clock = clock;
    }

    void start() {
        attributes.put("flow", flow.name());
        go(flow.start());
    }

    private void go(String name) {
        if (++steps > MAX_STEPS) {
            LOG.warn("Call {} took {} steps in flow {}: hanging up", call.id(), MAX_STEPS, flow.name());
            call.hangUp();
            return;
        }
        Step step = flow.steps().get(name);
        LOG.debug("Call {}: flow {} step {}", call.id(), flow.name(), name);
        if (step instanceof Step.Play play) {
            call.play(play.prompt(), () -> go(play.next()));
        } else if (step instanceof Step.Menu menu) {
            ask(menu, 1);
        } else if (step instanceof Step.Collect collect) {
            call.collect(collect.prompt(), collect.maxDigits(), collect.terminator(),
                    Duration.ofSeconds(collect.timeoutSeconds()), digits -> {
                        attributes.put(collect.attribute(), digits);
                        go(collect.next());
                    });
        } else if (step instanceof Step.Hours hours) {
            go(open(hours) ? hours.open() : hours.closed());
        } else if (step instanceof Step.SetAttribute set) {
            attributes.put(set.attribute(), fill(set.value(), false));
            go(set.next());
        } else if (step instanceof Step.HttpLookup lookup) {
            lookUp(lookup);
        } else if (step instanceof Step.Queue queue) {
            call.queue(interaction(queue), Duration.ofSeconds(queue.announceSeconds()), queue.language(),
                    queue.callbackKey());
        } else if (step instanceof Step.Voicemail voicemail) {
            call.recordMessage(voicemail.prompt(), voicemail.mailbox(), Duration.ofSeconds(voicemail.maxSeconds()),
                    () -> goOrHangUp(voicemail.next()));
        } else if (step instanceof Step.Transfer transfer) {
            call.transfer(fill(transfer.destination(), false), Duration.ofSeconds(transfer.ringSeconds()),
                    () -> goOrHangUp(transfer.unanswered()));
        } else if (step instanceof Step.HangUp hangUp) {
            if (hangUp.prompt() != null) {
                call.play(hangUp.prompt(), call::hangUp);
            } else {
                call.hangUp();
            }
        }
    }

    /** A step without a next one ends the call. */
    private void goOrHangUp(String next) {
        if (next == null) {
            call.hangUp();
        } else {
            go(next);
        }
    }

    private void ask(Step.Menu menu, int attempt) {
        call.collect(menu.prompt(), 1, "", Duration.ofSeconds(menu.timeoutSeconds()), digit -> {
            String next = menu.choices().get(digit);
            if (next != null) {
                attributes.put("menu", digit);
                go(next);
            } else if (attempt >= menu.attempts()) {
                go(menu.otherwise());
            } else if (!digit.isEmpty() && menu.invalidPrompt() != null) {
                call.play(menu.invalidPrompt(), () -> ask(menu, attempt + 1));
            } else {
                ask(menu, attempt + 1);
            }
        });
    }

    private boolean open(Step.Hours hours) {
        Set<LocalDate> closed = hours.closedDates().stream().map(LocalDate::parse).collect(Collectors.toSet());
        return new OpeningHours(hours.openingHours(), ZoneId.of(hours.timeZone()), closed).isOpen(clock.instant());
    }

    private void lookUp(Step.HttpLookup lookup) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(fill(lookup.url(), true)))
                    .timeout(Duration.ofMillis(lookup.timeoutMillis())).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            LOG.warn("Call {}: lookup URL of flow {} is not valid: {}", call.id(), flow.name(), e.getMessage());
            go(lookup.failed());
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) ->
                call.execute(() -> {
                    if (failure != null || response.statusCode() / 100 != 2) {
                        LOG.info("Call {}: lookup {} failed ({}); the flow goes on without it", call.id(),
                                request.uri(), failure != null ? failure.toString() : "HTTP " + response.statusCode());
                        go(lookup.failed());
                        return;
                    }
                    try {
                        JsonNode answer = JSON.readTree(response.body());
                        lookup.attributes().forEach((attribute, pointer) -> {
                            JsonNode value = answer.at(pointer);
                            if (!value.isMissingNode() && !value.isNull()) {
                                attributes.put(attribute, value.isValueNode() ? value.asText() : value.toString());
                            }
                        });
                        go(lookup.next());
                    } catch (java.io.IOException e) {
                        LOG.info("Call {}: lookup {} answered no JSON; the flow goes on without it", call.id(), request.uri());
                        go(lookup.failed());
                    }
                }));
    }

    private Interaction interaction(Step.Queue queue) {
        List<SkillRequirement> skills = new ArrayList<>();
        queue.skills().forEach((skill, level) -> skills.add(new SkillRequirement(skill, level)));
        return new Interaction(call.id(), Channel.VOICE, queue.queue(), queue.priority(), skills, call.dialed(),
                call.caller(), attributes, clock.instant());
    }

    /** Replaces {caller}, {dialed} and {attribute} in a text, URL-encoding values for URLs. */
    private String fill(String template, boolean url) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String key = placeholder.group(1);
            String value = switch (key) {
                case "caller" -> call.caller();
                case "dialed" -> call.dialed();
                default -> attributes.getOrDefault(key, "");
            };
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(
                    url ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }
}
