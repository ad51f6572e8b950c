package org.switchboard.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds ERROR lines in a Karaf log that a test did not expect; a test fails on any. */
public final class LogChecker {

    /**
     * ERRORs Karaf 4.4.10 itself logs now and then at boot (first or after a restart): its features bundle is
     * activated twice, so its service registers its MBean twice, and a bundle event reaches the first one while
     * it stops. They come from Karaf's own bundles, not Switchboard's; the node status copes with the two
     * feature services this leaves (see DefaultNodeStatusService).
     */
    public static final List<Pattern> KARAF_NOISE = List.of(
            Pattern.compile("Failure registering MBean org\\.apache\\.karaf\\.features\\.internal\\.management\\.FeaturesServiceMBeanImpl"),
            Pattern.compile("Bundle org\\.apache\\.karaf\\.features\\.core \\[\\d+\\] EventDispatcher: Error during dispatch\\. "
                    + "\\(java\\.lang\\.IllegalStateException: Invalid BundleContext\\.\\)"),
            Pattern.compile("\\d+ - org\\.apache\\.karaf\\.features\\.core - [\\d.]+ \\| FrameworkEvent ERROR"));

    private LogChecker() {
    }

    /** ERROR lines of the log that match none of the expected patterns. */
    public static List<String> unexpectedErrors(Path log, List<Pattern> expected) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("| ERROR |"))
                    .filter(line -> expected.stream().noneMatch(pattern -> pattern.matcher(line).find()))
                    .collect(Collectors.toList());
        }
    }

    public static void assertNoUnexpectedErrors(Path log, List<Pattern> expected) throws IOException {
        List<String> errors = unexpectedErrors(log, expected);
        if (!errors.isEmpty()) {
            throw new AssertionError("Unexpected ERROR in " + log + ":\n" + String.join("\n", errors));
        }
    }
}
