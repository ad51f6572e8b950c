package org.switchboard.core.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.flow.Flow;
import org.switchboard.api.flow.FlowInvalidException;
import org.switchboard.api.flow.Step;

/**
 * Reads flow documents: {@code {"start":"welcome","steps":{"welcome":{"type":"play","prompt":"en/welcome",
 * "next":"menu"}, ...}}}. A missing or mistyped field is refused naming its step.
 */
public final class FlowCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowCodec() {
    }

    public static Flow read(String name, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FlowInvalidException(null, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FlowInvalidException(null, "a flow is a JSON object with 'start' and 'steps'");
        }
        String start = text(null, root, "start");
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isObject() || steps.isEmpty()) {
            throw new FlowInvalidException(null, "'steps' must be an object of named steps");
        }
        Map<String, Step> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = steps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            parsed.put(entry.getKey(), step(entry.getKey(), entry.getValue()));
        }
        return new Flow(name, start, parsed);
    }

    private static Step step(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new FlowInvalidException(name, "a step is a JSON object with a 'type'");
        }
        String type = text(name, node, "type");
        return switch (type) {
            case "play" -> new Step.Play(text(name, node, "prompt"), text(name, node, "next"));
            case "menu" -> new Step.Menu(optionalText(node, "prompt"), strings(name, node, "choices", true),
                    number(name, node, "timeoutSeconds", 5), number(name, node, "attempts", 3),
                    optionalText(node, "invalidPrompt"), text(name, node, "otherwise"));
            case "collect" -> new Step.Collect(optionalText(node, "prompt"), text(name, node, "attribute"),
                    number(name, node, "maxDigits", 20), node.has("terminator") ? text(name, node, "terminator") : "#",
                    number(name, node, "timeoutSeconds", 5), text(name, node, "next"));
            case "hours" -> new Step.Hours(text(name, node, "openingHours"), text(name, node, "timeZone"),
                    list(name, node, "closedDates"), text(name, node, "open"), text(name, node, "closed"));
            case "set" -> new Step.SetAttribute(text(name, node, "attribute"), text(name, node, "value"),
                    text(name, node, "next"));
            case "http" -> new Step.HttpLookup(text(name, node, "url"), strings(name, node, "attributes", false),
                    number(name, node, "timeoutMillis", 2000), text(name, node, "next"), text(name, node, "failed"));
            case "queue" -> new Step.Queue(text(name, node, "queue"), number(name, node, "priority", 0),
                    levels(name, node), number(name, node, "announceSeconds", 0),
                    node.has("language") ? text(name, node, "language") : "en", optionalText(node, "callbackKey"));
            case "voicemail" -> new Step.Voicemail(optionalText(node, "prompt"), text(name, node, "mailbox"),
                    number(name, node, "maxSeconds", 120), optionalText(node, "next"));
            case "transfer" -> new Step.Transfer(text(name, node, "destination"), number(name, node, "ringSeconds", 30),
                    optionalText(node, "unanswered"));
            case "hangup" -> new Step.HangUp(optionalText(node, "prompt"));
            default -> throw new FlowInvalidException(name, "unknown type '" + type
                    + "' (play, menu, collect, hours, set, http, queue, voicemail, transfer, hangup)");
        };
    }

    private static String text(String step, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new FlowInvalidException(step, "'" + field + "' must be a non-empty string");
        }
        return value.asText().trim();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static int number(String step, JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isInt()) {
            throw new FlowInvalidException(step, "'" + field + "' must be a whole number");
        }
        return value.asInt();
    }

    private static Map<String, String> strings(String step, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new FlowInvalidException(step, "'" + field + "' must be an object");
            }
            return Map.of();
        }
        if (!value.isObject()) {
            throw new FlowInvalidException(step, "'" + field + "' must be an object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new FlowInvalidException(step, "'" + field + "." + entry.getKey() + "' must be a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    private static Map<String, Integer> levels(String step, JsonNode node) {
        JsonNode value = node.get("skills");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new FlowInvalidException(step, "'skills' must be an object of skill: minimum level");
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isInt()) {
                throw new FlowInvalidException(step, "'skills." + entry.getKey() + "' must be a whole number");
            }
            levels.put(entry.getKey(), entry.getValue().asInt());
        }
        return levels;
    }

    private static List<String> list(String step, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new FlowInvalidException(step, "'" + field + "' must be an array of strings");
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return items;
    }
}
