package org.switchboard.benchmarks;

/** The engine commands the throughput driver issues, as named in the tables. */
enum EngineCommand {
    SUBMIT("submit"),
    ACCEPT("accept"),
    END("end"),
    COMPLETE("complete"),
    ABANDON("abandon");

    private final String label;

    EngineCommand(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
