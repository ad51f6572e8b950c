package org.switchboard.acd.rest;

import java.util.function.Supplier;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.rest.ProblemException;

/** Turns a command refused by distribution into 409 Conflict naming the current state. */
final class Conflicts {

    private Conflicts() {
    }

    static <T> T translate(Supplier<T> command) {
        try {
            return command.get();
        } catch (AcdConflictException conflict) {
            String state = conflict.currentState() == null ? "" : " (current state: " + conflict.currentState() + ")";
            throw new ProblemException(409, "Conflict", conflict.getMessage() + state, null);
        }
    }

    static void run(Runnable command) {
        translate(() -> {
            command.run();
            return null;
        });
    }
}
