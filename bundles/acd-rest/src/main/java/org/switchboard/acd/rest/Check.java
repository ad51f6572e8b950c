package org.switchboard.acd.rest;

import org.switchboard.api.rest.ProblemException;

/** Validation of request fields, each failure naming its field. */
final class Check {

    private Check() {
    }

    static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "'" + field + "' is missing");
        }
        if (value.length() > 128 || !value.matches("[\\p{L}\\p{N}._@+-]+")) {
            throw ProblemException.invalid(field, "'" + field + "' must be 1-128 letters, digits or . _ @ + -");
        }
        return value;
    }

    /** A telephone number or SIP user part: an optional +, then digits, * and #, 2 to 32 of them. */
    static String phone(String field, String value) {
        if (value == null || !value.matches("\\+?[0-9*#]{2,32}")) {
            throw ProblemException.invalid(field, "'" + field + "' must be a number such as +74951234567, was '"
                    + value + "'");
        }
        return value;
    }

    static int range(String field, Integer value, int min, int max, int fallback) {
        int actual = value == null ? fallback : value;
        if (actual < min || actual > max) {
            throw ProblemException.invalid(field, "'" + field + "' must be from " + min + " to " + max + ", was " + actual);
        }
        return actual;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw ProblemException.invalid(field, "'" + field + "' is missing");
        }
        return value;
    }
}
