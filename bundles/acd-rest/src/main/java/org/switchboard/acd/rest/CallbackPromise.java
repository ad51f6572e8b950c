package org.switchboard.acd.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.rest.ProblemException;

/** A callback asked for at wrap-up, checked field by field and turned into the callback to schedule. */
final class CallbackPromise {

    /** How far ahead a callback may be promised. */
    static final Duration HORIZON = Duration.ofDays(365);
    /** The attribute of a scheduled callback that names the interaction it was promised in. */
    static final String CALLBACK_FOR = "callbackFor";

    private CallbackPromise() {
    }

    /** When and where to call back: {@code at} an ISO-8601 date-time with offset, {@code number} optional. */
    public record Body(String at, String number) {
    }

    /** The time, between now and a year ahead. */
    static Instant at(Body body, Instant now) {
        if (body.at() == null || body.at().isBlank()) {
            throw ProblemException.invalid("callback.at", "'callback.at' is missing");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(body.at().trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("callback.at", "'callback.at' must be a date-time with offset such as"
                    + " 2026-11-24T10:30:00+03:00, was '" + body.at() + "'");
        }
        if (!at.isAfter(now)) {
            throw ProblemException.invalid("callback.at", "'callback.at' is in the past: " + body.at());
        }
        if (at.isAfter(now.plus(HORIZON))) {
            throw ProblemException.invalid("callback.at", "'callback.at' is more than a year ahead: " + body.at());
        }
        return at;
    }

    /** The number given, or else the customer's when that is a number. */
    static String number(Body body, Interaction interaction) {
        if (body.number() != null) {
            return Check.phone("callback.number", body.number());
        }
        String customer = interaction.customer();
        if (customer == null || !customer.matches("\\+?[0-9*#]{2,32}")) {
            throw ProblemException.invalid("callback.number", "The customer of '" + interaction.id() + "' has no"
                    + " number to call back" + (customer == null ? "" : " ('" + customer + "')")
                    + "; give 'callback.number'");
        }
        return customer;
    }

    /** The callback into the interaction's queue, for its agent first, with a fresh id. */
    static ScheduledCallback of(Body body, InteractionView view, Instant now) {
        Instant at = at(body, now);
        Interaction interaction = view.interaction();
        String number = number(body, interaction);
        Map<String, String> attributes = new HashMap<>(interaction.attributes());
        attributes.put(CALLBACK_FOR, interaction.id());
        String agent = view.agents().isEmpty() ? null : view.agents().get(0);
        return new ScheduledCallback("cb-" + UUID.randomUUID(), interaction.id(), interaction.queue(),
                interaction.priority(), interaction.requirements(), interaction.entryPoint(), number, agent, attributes,
                at, now);
    }
}
