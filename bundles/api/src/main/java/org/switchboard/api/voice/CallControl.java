package org.switchboard.api.voice;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.media.MonitorMode;

/**
 * Commands on live calls, each carried out in order with the call's other events; a command that does not
 * fit the call throws {@link CallControlException} saying why.
 */
@ProviderType
public interface CallControl {

    List<CallView> calls();

    /** The customer hears music; the agent hears silence. */
    void hold(String interactionId);

    void retrieve(String interactionId);

    /** Ends the call for both parties. */
    void hangUp(String interactionId);

    /** Blind transfer: the agent leaves the call (and goes to wrap-up); the customer goes where told. */
    void transfer(String interactionId, TransferTarget target);

    /** Pickup: the call ringing at one agent's phone rings at {@code agent}'s instead; the first agent stays ready. */
    void pickup(String interactionId, String agent);

    /**
     * Parks the call: the agent leaves it (and goes to wrap-up), the customer hears music, and any phone that
     * dials the slot returned takes the call.
     */
    String park(String interactionId);

    /**
     * Consulted transfer, first step: the customer holds (hearing music) while the agent's phone is put through to
     * {@code target}, an agent (their phone rings) or an external number (through the trunk). A consultation that
     * fails or is not answered within 30 s ends, and the agent is back with the customer.
     */
    void consult(String interactionId, TransferTarget target);

    /** The consultation going on in the call, if any. */
    java.util.Optional<Consultation> consultation(String interactionId);

    /** Ends the consultation: the consulted party is let go and the agent is back with the customer. */
    void cancelConsultation(String interactionId);

    /**
     * Completes a consulted transfer: the customer and the consulted party talk, the agent leaves and wraps up;
     * a consulted agent takes the call in distribution.
     */
    void completeTransfer(String interactionId);

    /** Rings the supervisor's phone at {@code extension}; once answered, it joins the conversation in {@code mode}. */
    void monitor(String interactionId, String extension, MonitorMode mode);
}
