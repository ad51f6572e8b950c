package org.switchboard.api.acd;

import java.util.List;

/** A queue's rules and the contacts waiting in it, first in line first. */
public record QueueView(QueueDefinition definition, List<String> waiting) {

    public QueueView {
        waiting = List.copyOf(waiting);
    }
}
