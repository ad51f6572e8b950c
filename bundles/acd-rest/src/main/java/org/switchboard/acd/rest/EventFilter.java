package org.switchboard.acd.rest;

import org.switchboard.api.acd.AcdEvent;

/**
 * Which events a stream wants: those of one queue and/or one agent (null: any); with {@code presence} only the
 * agents' state changes, which every agent may follow to see whether colleagues are free.
 */
record EventFilter(String queue, String agent, boolean presence) {

    boolean accepts(AcdEvent event) {
        if (presence && !(event instanceof AcdEvent.AgentStateChanged)) {
            return false;
        }
        return matches(queue, queueOf(event)) && matches(agent, agentOf(event));
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }

    static String queueOf(AcdEvent event) {
        if (event instanceof AcdEvent.Queued queued) {
            return queued.interaction().queue();
        } else if (event instanceof AcdEvent.Refused refused) {
            return refused.interaction().queue();
        } else if (event instanceof AcdEvent.Offered offered) {
            return offered.queue();
        } else if (event instanceof AcdEvent.Abandoned abandoned) {
            return abandoned.queue();
        } else if (event instanceof AcdEvent.Dropped dropped) {
            return dropped.queue();
        } else if (event instanceof AcdEvent.Moved moved) {
            return moved.interaction().queue();
        } else if (event instanceof AcdEvent.CallbackRequested requested) {
            return requested.callback().queue();
        } else if (event instanceof AcdEvent.Overflowed overflowed) {
            return overflowed.queue();
        }
        return null;
    }

    static String agentOf(AcdEvent event) {
        if (event instanceof AcdEvent.Offered offered) {
            return offered.agent();
        } else if (event instanceof AcdEvent.Accepted accepted) {
            return accepted.agent();
        } else if (event instanceof AcdEvent.Declined declined) {
            return declined.agent();
        } else if (event instanceof AcdEvent.Withdrawn withdrawn) {
            return withdrawn.agent();
        } else if (event instanceof AcdEvent.Ended ended) {
            return ended.agent();
        } else if (event instanceof AcdEvent.Completed completed) {
            return completed.agent();
        } else if (event instanceof AcdEvent.AgentStateChanged changed) {
            return changed.agent();
        }
        return null;
    }
}
