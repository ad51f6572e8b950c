package org.switchboard.benchmarks.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contact centre the scale check sets up over REST: four queues with different strategies, served by groups
 * or by a skill, and agents spread over the groups with English and (some) German at various levels.
 */
final class ScaleCentre {

    /** A queue, its share of the contacts, and the skill its contacts require (null: none). */
    record Queue(String name, String body, double share, String requiredSkill, int minimumLevel) {
    }

    static final List<String> SKILLS = List.of("english", "german");

    static final List<Queue> QUEUES = List.of(
            new Queue("sales", queueBody("LONGEST_IDLE", "\"sales\""), 0.4, null, 0),
            new Queue("support", queueBody("LEAST_OCCUPIED", "\"support\""), 0.3, "english", 3),
            new Queue("billing", queueBody("ROUND_ROBIN", "\"billing\""), 0.2, null, 0),
            new Queue("returns", queueBody("BEST_SKILL", ""), 0.1, "german", 2));

    private ScaleCentre() {
    }

    /** Wrap-up limit well above what the client takes; an offer time-out the client never reaches; room to queue. */
    private static String queueBody(String strategy, String groups) {
        return "{\"strategy\":\"" + strategy + "\",\"groups\":[" + groups + "],\"wrapUpSeconds\":30,"
                + "\"offerTimeoutSeconds\":60,\"maxLength\":10000}";
    }

    static String login(int index) {
        return String.format(Locale.ROOT, "agent-%05d", index + 1);
    }

    /** Agent {@code index}: 40 % sales, 30 % support, 20 % billing, 10 % sales and billing; 40 % speak German. */
    static String agentBody(int index) {
        int slot = index % 10;
        List<String> groups = new ArrayList<>();
        if (slot <= 3 || slot == 9) {
            groups.add("\"sales\"");
        }
        if (slot >= 4 && slot <= 6) {
            groups.add("\"support\"");
        }
        if (slot >= 7) {
            groups.add("\"billing\"");
        }
        String skills = "\"english\":" + (1 + index * 7 % 10)
                + (index % 5 < 2 ? ",\"german\":" + (2 + index % 9) : "");
        return "{\"name\":\"Agent " + (index + 1) + "\",\"groups\":[" + String.join(",", groups) + "],"
                + "\"skills\":{" + skills + "},\"capacity\":{\"VOICE\":1}}";
    }

    /** A voice contact for a queue, with the id the client chose, so no answer needs parsing. */
    static String contactBody(String id, Queue queue) {
        String skills = queue.requiredSkill() == null ? ""
                : ",\"skills\":[{\"skill\":\"" + queue.requiredSkill() + "\",\"minimumLevel\":" + queue.minimumLevel()
                        + "}]";
        return "{\"id\":\"" + id + "\",\"channel\":\"VOICE\",\"queue\":\"" + queue.name() + "\",\"priority\":0"
                + skills + ",\"customer\":\"+4930" + Math.abs(id.hashCode()) + "\"}";
    }
}
