package org.switchboard.api.voice;

import java.util.Objects;

/**
 * An agent's consultation while their customer holds: who is consulted ({@code target}: an agent's login or a
 * number) and whether it still rings ({@code RINGING}) or they talk ({@code TALKING}).
 */
public record Consultation(String target, String state) {

    public Consultation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
    }
}
