package org.switchboard.sip.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which queue a dialed number leads to, read from {@code entry.points} ("100=support, 200=sales"). */
final class EntryPoints {

    private final Map<String, String> queues;

    private EntryPoints(Map<String, String> queues) {
        this.queues = Map.copyOf(queues);
    }

    /** Parses the setting; IllegalArgumentException naming the key and the faulty entry. */
    static EntryPoints parse(String setting) {
        Map<String, String> queues = new LinkedHashMap<>();
        if (setting != null) {
            for (String entry : setting.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                if (equals <= 0 || equals == entry.length() - 1) {
                    throw new IllegalArgumentException("entry.points: '" + entry.trim()
                            + "' is not number=queue (e.g. 100=support)");
                }
                queues.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
            }
        }
        return new EntryPoints(queues);
    }

    Optional<String> queueFor(String dialed) {
        return Optional.ofNullable(queues.get(dialed));
    }

    Map<String, String> all() {
        return queues;
    }
}
