package org.switchboard.api.flow;

import java.util.List;
import java.util.Map;

/** One step of a flow; each names the step that follows it (or ends the flow). */
public sealed interface Step {

    /** The steps this one may lead to. */
    List<String> exits();

    /** Plays a prompt, then goes on. */
    record Play(String prompt, String next) implements Step {
        public List<String> exits() {
            return List.of(next);
        }
    }

    /**
     * Plays a prompt and waits for one digit: a digit among {@code choices} leads to its step; a wrong digit
     * plays {@code invalidPrompt} and asks again, as does silence for {@code timeoutSeconds}; after
     * {@code attempts} tries the flow goes to {@code otherwise}.
     */
    record Menu(String prompt, Map<String, String> choices, int timeoutSeconds, int attempts, String invalidPrompt,
            String otherwise) implements Step {
        public Menu {
            choices = Map.copyOf(choices);
        }

        public List<String> exits() {
            java.util.List<String> exits = new java.util.ArrayList<>(choices.values());
            exits.add(otherwise);
            return exits;
        }
    }

    /**
     * Plays a prompt and collects up to {@code maxDigits} digits, ended early by {@code terminator} or by
     * {@code timeoutSeconds} of silence, into attribute {@code attribute}.
     */
    record Collect(String prompt, String attribute, int maxDigits, String terminator, int timeoutSeconds, String next)
            implements Step {
        public List<String> exits() {
            return List.of(next);
        }
    }

    /** Goes to {@code open} within opening hours (the queue hours' syntax, in {@code timeZone}), else {@code closed}. */
    record Hours(String openingHours, String timeZone, List<String> closedDates, String open, String closed)
            implements Step {
        public Hours {
            closedDates = closedDates == null ? List.of() : List.copyOf(closedDates);
        }

        public List<String> exits() {
            return List.of(open, closed);
        }
    }

    /** Sets an attribute of the call ({caller}, {dialed} and {attribute} in the value are replaced). */
    record SetAttribute(String attribute, String value, String next) implements Step {
        public List<String> exits() {
            return List.of(next);
        }
    }

    /**
     * Asks a web service (GET {@code url}, with {caller}, {dialed} and {attribute} replaced, URL-encoded) and
     * copies fields of its JSON answer into attributes ({@code attributes}: attribute → JSON pointer). An
     * error or no answer within {@code timeoutMillis} goes to {@code failed}: a CRM that is down never holds
     * the caller.
     */
    record HttpLookup(String url, Map<String, String> attributes, int timeoutMillis, String next, String failed)
            implements Step {
        public HttpLookup {
            attributes = Map.copyOf(attributes);
        }

        public List<String> exits() {
            return List.of(next, failed);
        }
    }

    /**
     * Puts the caller in a queue with its priority and skills; the caller hears music, and every
     * {@code announceSeconds} (0: never) their position and expected wait in {@code language}. With a
     * {@code callbackKey}, the announcements offer a callback: pressing the key keeps the caller's place and ends
     * the call, to be called back. Ends the flow.
     */
    record Queue(String queue, int priority, Map<String, Integer> skills, int announceSeconds, String language,
            String callbackKey) implements Step {
        public Queue {
            skills = Map.copyOf(skills);
        }

        public List<String> exits() {
            return List.of();
        }
    }

    /**
     * Plays a prompt (or none) and a beep, then records the caller's message for {@code mailbox} (a queue) until
     * they press #, {@code maxSeconds} pass, or they hang up; then goes to {@code next}, or hangs up when there is
     * no next step.
     */
    record Voicemail(String prompt, String mailbox, int maxSeconds, String next) implements Step {
        public List<String> exits() {
            return next == null ? List.of() : List.of(next);
        }
    }

    /**
     * Puts the caller through to {@code destination}, an extension or an external number (dialed through the
     * trunk), ringing it at most {@code ringSeconds}; the caller hears music meanwhile. Answered, the flow ends and
     * the two talk outside distribution; unanswered, refused or unreachable, the flow goes to {@code unanswered},
     * or hangs up when there is none.
     */
    record Transfer(String destination, int ringSeconds, String unanswered) implements Step {
        public List<String> exits() {
            return unanswered == null ? List.of() : List.of(unanswered);
        }
    }

    /** Plays a prompt (or none) and hangs up. Ends the flow. */
    record HangUp(String prompt) implements Step {
        public List<String> exits() {
            return List.of();
        }
    }
}
