package org.switchboard.api.acd;

import java.util.Objects;

/** One entry of a code list: a stable code for data and reports, and the label people read. */
public record Code(CodeKind kind, String code, String label) {

    public Code {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
