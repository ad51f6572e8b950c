package org.switchboard.core.acd;

import org.switchboard.api.acd.QueueDefinition;

/** A queue's rules and its routing memory; its waiting contacts are held by the engine, in one global order. */
final class QueueState {

    private QueueDefinition definition;
    private String lastChosen;
    private int waiting;

    QueueState(QueueDefinition definition) {
        this.definition = definition;
    }

    QueueDefinition definition() {
        return definition;
    }

    void definition(QueueDefinition changed) {
        definition = changed;
    }

    String lastChosen() {
        return lastChosen;
    }

    void chose(String agent) {
        lastChosen = agent;
    }

    int waiting() {
        return waiting;
    }

    void waitingChanged(int delta) {
        waiting += delta;
    }
}
