package org.switchboard.console.internal;

import java.util.Optional;

/** Turns a request path below {@code /console} into the name of a file in the console folder, or refuses it. */
final class ConsolePaths {

    private ConsolePaths() {
    }

    /**
     * The file name for a servlet path info such as {@code /assets/app-1a2b.js}. Refused: segments that start
     * with a dot ({@code ..}, {@code .}, hidden files), empty segments, backslashes and control characters,
     * and names without an extension — the console's build writes only files with one, and this keeps folder
     * entries out, whose URLs differ between a jar, a bundle and a plain folder.
     */
    static Optional<String> fileName(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        String name = pathInfo.substring(1);
        if (name.isEmpty() || name.chars().anyMatch(c -> c < 0x20 || c == '\\' || c == 0x7f)) {
            return Optional.empty();
        }
        String[] segments = name.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        String last = segments[segments.length - 1];
        int dot = last.lastIndexOf('.');
        return dot > 0 && dot < last.length() - 1 ? Optional.of(name) : Optional.empty();
    }
}
