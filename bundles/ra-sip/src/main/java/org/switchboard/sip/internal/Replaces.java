package org.switchboard.sip.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The dialog a Replaces value names (RFC 3891: {@code call-id;to-tag=...;from-tag=...}), as carried, escaped, in
 * a Refer-To URI's headers for an attended transfer (RFC 5589).
 */
record Replaces(String callId, String toTag, String fromTag) {

    /** The dialog named by an escaped Replaces value, or empty when it names none (no Call-ID or a tag missing). */
    static Optional<Replaces> parse(String escaped) {
        if (escaped == null) {
            return Optional.empty();
        }
        String[] parts = unescape(escaped).split(";");
        String callId = parts[0].trim();
        String toTag = null;
        String fromTag = null;
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            String name = pair[0].trim().toLowerCase(java.util.Locale.ROOT);
            String value = pair.length == 2 ? pair[1].trim() : "";
            if (name.equals("to-tag")) {
                toTag = value;
            } else if (name.equals("from-tag")) {
                fromTag = value;
            }
        }
        if (callId.isEmpty() || toTag == null || fromTag == null) {
            return Optional.empty();
        }
        return Optional.of(new Replaces(callId, toTag, fromTag));
    }

    /** Undoes %XX escapes only: a '+' in a Call-ID stays a '+'. */
    private static String unescape(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
