package org.switchboard.sip.internal;

import java.util.regex.Pattern;

/** Turns text from exceptions and peers into reason phrases and Warning texts a person can read. */
final class ReasonPhrases {

    /** Longest reason phrase kept: a hint for a person reading a trace, not a report. */
    static final int REASON_LENGTH = 100;
    /** Longest Warning text kept: it may quote what the peer sent. */
    static final int WARNING_LENGTH = 200;

    /**
     * Java's default toString of arrays and objects ({@code [C@1b6d3586}, {@code [Ljava.lang.String;@1b6d},
     * {@code gov.nist.core.Host@5e2de80c}): JAIN-SIP's lexer puts its char buffer into parse errors this way.
     */
    private static final Pattern OBJECT_ID = Pattern.compile(
            "\\[+(?:[ZBCDFIJS]|L[\\w$.]+;)@\\p{XDigit}+|(?:[\\w$]+\\.)+[A-Z][\\w$]*@\\p{XDigit}+\\b");
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\x20-\\x7e]+");

    private ReasonPhrases() {
    }

    /**
     * {@code text} as one line of printable ASCII without Java object ids, quotes or backslashes (which would end a
     * Warning's quoted text), at most {@link #REASON_LENGTH} characters; {@code fallback} when nothing readable is left.
     */
    static String human(String text, String fallback) {
        return human(text, fallback, REASON_LENGTH);
    }

    /** Like {@link #human(String, String)}, at most {@code maxLength} characters. */
    static String human(String text, String fallback, int maxLength) {
        if (text == null) {
            return fallback;
        }
        String clean = OBJECT_ID.matcher(text).replaceAll(" ");
        clean = NOT_PRINTABLE.matcher(clean).replaceAll(" ").replace('"', '\'').replace('\\', '/');
        clean = clean.replaceAll(" {2,}", " ").trim();
        // What an id leaves behind at the edges: "( ID expected" or ": Missing host name".
        clean = clean.replaceAll("^[\\s:;,.(]+", "").replaceAll("[\\s:;,(]+$", "");
        if (clean.length() > maxLength) {
            clean = clean.substring(0, maxLength - 3).trim() + "...";
        }
        return clean.chars().anyMatch(Character::isLetterOrDigit) ? clean : fallback;
    }
}
