package org.switchboard.config;

/** A configuration key whose value does not fit its declared type or range. */
record Violation(String key, Object value, String reason) {
}
