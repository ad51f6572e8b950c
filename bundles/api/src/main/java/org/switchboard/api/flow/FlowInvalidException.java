package org.switchboard.api.flow;

/** A flow that cannot be run: {@code step} names the step at fault (null: the document as a whole). */
public class FlowInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String step;

    public FlowInvalidException(String step, String message) {
        super(step == null ? message : "step '" + step + "': " + message);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
