package org.switchboard.core.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.SkillRequirement;

/** A logged-in agent: presence, the work in hand, and the figures routing strategies compare. */
final class AgentSession {

    private AgentProfile profile;
    private AgentState presence;
    private String reason;
    private final Map<String, Work> work = new LinkedHashMap<>();
    private Instant idleSince;
    private Instant stateSince;
    private int handled;
    private Duration talkTime = Duration.ZERO;
    private final String extension;

    AgentSession(AgentProfile profile, String extension, Instant loggedInAt) {
        this.profile = profile;
        this.extension = extension;
        this.presence = AgentState.NOT_READY;
        this.reason = "login";
        this.idleSince = loggedInAt;
        this.stateSince = loggedInAt;
    }

    Instant stateSince() {
        return stateSince;
    }

    void stateSince(Instant at) {
        stateSince = at;
    }

    AgentView view() {
        return new AgentView(profile.login(), profile.name(), profile.site(), extension, visibleState(),
                visibleState() == AgentState.NOT_READY ? reason : null, stateSince, handled,
                List.copyOf(work.keySet()));
    }

    String login() {
        return profile.login();
    }

    /** The phone extension the agent signed in at, or null. */
    String extension() {
        return extension;
    }

    AgentProfile profile() {
        return profile;
    }

    void profile(AgentProfile changed) {
        profile = changed;
    }

    /** READY or NOT_READY: what the agent chose, whatever work is in hand. */
    AgentState presence() {
        return presence;
    }

    String reason() {
        return reason;
    }

    void presence(AgentState state, String why) {
        presence = state;
        reason = state == AgentState.NOT_READY ? why : null;
    }

    /** What colleagues see: an offer before a conversation before wrap-up before presence. */
    AgentState visibleState() {
        boolean talking = false;
        boolean wrapping = false;
        for (Work item : work.values()) {
            switch (item.phase) {
                case OFFERED -> {
                    return AgentState.RESERVED;
                }
                case TALKING -> talking = true;
                case WRAP_UP -> wrapping = true;
            }
        }
        return talking ? AgentState.BUSY : wrapping ? AgentState.WRAP_UP : presence;
    }

    Map<String, Work> work() {
        return work;
    }

    boolean hasOffer() {
        for (Work item : work.values()) {
            if (item.phase == Work.Phase.OFFERED) {
                return true;
            }
        }
        return false;
    }

    private boolean readyWithoutOffer() {
        return presence == AgentState.READY && !hasOffer();
    }

    /** How many interactions the agent holds on this channel's line (a callback counts as a call). */
    int inHand(Channel channel) {
        Channel line = channel.line();
        int count = 0;
        for (Work item : work.values()) {
            if (item.interaction.channel().line() == line) {
                count++;
            }
        }
        return count;
    }

    /** Ready, with no open offer and a free slot on some line: worth considering for some contact. */
    boolean isAvailable() {
        if (!readyWithoutOffer()) {
            return false;
        }
        for (Map.Entry<Channel, Integer> slots : profile.capacity().entrySet()) {
            if (inHand(slots.getKey()) < slots.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** Ready, with no open offer and a free slot on this channel's line. */
    boolean isAvailableOn(Channel channel) {
        return readyWithoutOffer() && inHand(channel) < profile.capacity(channel);
    }

    /** Whether this agent may be offered the contact by the queue right now, with the widening it has reached. */
    boolean canTake(WaitingContact contact, QueueDefinition queue, Reach reach) {
        return isAvailableOn(contact.interaction().channel()) && canTakeWhenFree(contact, queue, reach);
    }

    /**
     * {@link #canTake} for an agent known to be free on the contact's line (taken from the index of free
     * agents): only skills, groups and blending are left to check.
     */
    boolean canTakeWhenFree(WaitingContact contact, QueueDefinition queue, Reach reach) {
        Channel channel = contact.interaction().channel();
        if (!qualifies(contact, queue, reach)) {
            return false;
        }
        if (!queue.blending()) {
            // Without blending, an agent busy on one line is offered nothing on another.
            for (Work item : work.values()) {
                if (item.interaction.channel().line() != channel.line()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the agent's groups and skills let them serve the contact in this queue now, load aside. */
    boolean qualifies(WaitingContact contact, QueueDefinition queue, Instant now) {
        return qualifies(contact, queue, Reach.of(queue, contact, now));
    }

    private boolean qualifies(WaitingContact contact, QueueDefinition queue, Reach reach) {
        for (SkillRequirement requirement : contact.interaction().requirements()) {
            if (profile.level(requirement.skill()) < Math.max(1, requirement.minimumLevel() - reach.lowered())) {
                return false;
            }
        }
        if (queue.groups().isEmpty()) {
            return true;
        }
        for (String group : profile.groups()) {
            if (queue.groups().contains(group) || reach.addedGroups().contains(group)) {
                return true;
            }
        }
        return false;
    }

    /** Sum of the agent's levels in the skills the contact requires, for best-skill routing. */
    int skillScore(WaitingContact contact) {
        int score = 0;
        for (SkillRequirement requirement : contact.interaction().requirements()) {
            score += profile.level(requirement.skill());
        }
        return score;
    }

    Instant idleSince() {
        return idleSince;
    }

    void idleSince(Instant at) {
        idleSince = at;
    }

    int handled() {
        return handled;
    }

    Duration talkTime() {
        return talkTime;
    }

    void countHandled(Duration talked) {
        handled++;
        talkTime = talkTime.plus(talked);
    }
}
