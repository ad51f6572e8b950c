package org.switchboard.sip.internal;

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;

import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;
import org.switchboard.api.voice.CallControlException;
import org.switchboard.api.voice.Consultation;
import org.switchboard.api.voice.TransferTarget;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;

/**
 * Consulted transfers asked for over call control: the customer holds while the agent's phone is bridged to a
 * third leg (a colleague's phone or a number outside); then the transfer completes, or the agent goes back to
 * the customer. Everything runs on the call's lane.
 */
final class Consultations {

    private static final Logger LOG = LoggerFactory.getLogger(Consultations.class);
    private static final long RING_SECONDS = 30;

    private final B2bua b2bua;
    private final CallContext context;
    private final SipProvider provider;
    private final SipMessages messages;
    private final Signalling sip;
    private final MediaService media;
    private final AcdService acd;
    private final Registrations registrations;
    private final OutsideLines outside;
    private final AuthenticationHelper authentication;
    private final Transfers transfers;

    Consultations(B2bua b2bua, CallContext context, MediaService media, AcdService acd, Registrations registrations,
            OutsideLines outside, AuthenticationHelper authentication, Transfers transfers) {
        this.b2bua = b2bua;
        this.context = context;
        this.provider = context.provider();
        this.messages = context.messages();
        this.sip = context.sip();
        this.media = media;
        this.acd = acd;
        this.registrations = registrations;
        this.outside = outside;
        this.authentication = authentication;
        this.transfers = transfers;
    }

    /** The customer holds; the consulted agent's phone, or the number, is called as a third leg. */
    void start(VoiceCall call, TransferTarget target) {
        if (call.consult != null) {
            throw new CallControlException("call " + call.id + " already consults " + call.consult.target, false);
        }
        String extension = null;
        SipURI contact = null;
        Trunk trunk = null;
        switch (target.kind()) {
            case AGENT -> {
                AgentView agent = acd.agent(target.value()).orElseThrow(() ->
                        new CallControlException("agent '" + target.value() + "' is not signed in", false));
                String phone = agent.extension();
                if (phone == null) {
                    throw new CallControlException("agent '" + target.value() + "' is signed in without a phone", false);
                }
                extension = phone;
                contact = registrations.find(phone, System.currentTimeMillis()).map(Registrations.Binding::contact)
                        .orElseThrow(() -> new CallControlException("the phone of agent '" + target.value() + "' ("
                                + phone + ") is not registered", false));
            }
            case EXTERNAL -> trunk = outside.outbound().orElseThrow(() ->
                    new CallControlException("no SIP trunk is configured to dial " + target.value(), false));
            default -> throw new CallControlException("a consultation is with an agent or a number, not a "
                    + target.kind().name().toLowerCase().replace('_', ' '), false);
        }
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (MediaUnavailableException e) {
            throw new CallControlException("no RTP port is free for a consultation: " + e.getMessage(), false);
        }
        ConsultLeg consult = new ConsultLeg(target.value(), extension, trunk == null ? null : target.value(), leg);
        try {
            Request invite;
            if (trunk != null) {
                consult.trunk = trunk;
                invite = outside.invite(trunk, consult.number, leg);
            } else {
                String transport = contact.getTransportParam() != null ? contact.getTransportParam() : "udp";
                invite = messages.invite(provider, contact, call.agentExtension != null ? call.agentExtension
                        : "switchboard", null, extension, transport);
                messages.body(invite, "application/sdp", Sdp.offer(leg.local()));
            }
            consult.invite = provider.getNewClientTransaction(invite);
            consult.dialog = provider.getNewDialog(consult.invite);
            consult.callId = callId(invite);
            context.calls().addLeg(consult.callId, call);
            call.consult = consult;
            consult.invite.sendRequest();
        } catch (ParseException | SipException | RuntimeException e) {
            leg.close();
            if (consult.callId != null) {
                context.calls().removeLeg(consult.callId);
            }
            call.consult = null;
            throw new CallControlException(target.value() + " cannot be called: " + e.getMessage(), false);
        }
        // The customer holds, hearing music, while the agent consults.
        call.held = true;
        call.bridge.hold();
        b2bua.playHoldMusic(call);
        LOG.info("Call {}: agent {} consults {} while the customer holds", call.id, call.agent, consult.target);
        context.timers().schedule(() -> b2bua.onLane(call, () -> {
            if (call.consult == consult && !consult.answered()) {
                end(call, "no answer within " + RING_SECONDS + " s");
            }
        }), RING_SECONDS, TimeUnit.SECONDS);
    }

    Optional<Consultation> view(VoiceCall call) {
        ConsultLeg consult = call.consult;
        return consult == null ? Optional.empty()
                : Optional.of(new Consultation(consult.target, consult.answered() ? "TALKING" : "RINGING"));
    }

    /** Whether {@code sipCallId} is the leg of the call's consultation. */
    static boolean isConsulted(VoiceCall call, String sipCallId) {
        return call.consult != null && sipCallId.equals(call.consult.callId);
    }

    /** A response to the consultation's INVITE. */
    void response(VoiceCall call, ResponseEvent event, long cseq) {
        ConsultLeg consult = call.consult;
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            consult.provisional = true;
            return;
        }
        if (consult.number != null && !consult.challenged && !consult.trunk.username().isEmpty()
                && (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)) {
            consult.challenged = true;
            try {
                ClientTransaction retry = authentication.handleChallenge(response, event.getClientTransaction(),
                        provider, 5);
                consult.invite = retry;
                consult.dialog = retry.getDialog() != null ? retry.getDialog() : provider.getNewDialog(retry);
                retry.sendRequest();
            } catch (SipException | RuntimeException e) {
                consult.invite = null;
                end(call, "the trunk's challenge cannot be answered: " + e.getMessage());
            }
            return;
        }
        if (status >= 300) {
            consult.invite = null;
            end(call, status + " " + response.getReasonPhrase());
            return;
        }
        Dialog dialog = event.getDialog();
        sip.sendAck(dialog, cseq);
        if (consult.answered()) {
            return; // a retransmitted 200: our ACK was lost
        }
        consult.dialog = dialog;
        consult.invite = null;
        try {
            SessionOffer answer = Sdp.read(body(response));
            consult.media.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        } catch (SdpRejected e) {
            end(call, "unusable SDP: " + e.getMessage());
            return;
        }
        consult.bridge = media.bridge(call.agentMedia, consult.media, null);
        LOG.info("Call {}: agent {} talks with {}", call.id, call.agent, consult.target);
    }

    /** The consultation's INVITE got no answer at all. */
    void timeout(VoiceCall call) {
        call.consult.invite = null;
        end(call, "no answer to the INVITE");
    }

    /** The consulted party hung up (its BYE answered): the agent is back with the customer. */
    void hungUp(VoiceCall call) {
        call.consult.dialog = null;
        end(call, "the consulted party hung up");
    }

    /** The agent ends the consultation and is back with the customer. */
    void cancel(VoiceCall call) {
        if (call.consult == null) {
            throw new CallControlException("call " + call.id + " has no consultation", false);
        }
        end(call, "ended by the agent");
    }

    /** The customer and the consulted party talk; the agent leaves and wraps up. */
    void complete(VoiceCall call) {
        ConsultLeg consult = call.consult;
        if (consult == null || !consult.answered()) {
            throw new CallControlException("call " + call.id + " has no answered consultation to complete", false);
        }
        call.consult = null;
        consult.bridge.close();
        LOG.info("Call {}: agent {} transfers the customer {} to {} (consulted)", call.id, call.agent, call.caller,
                consult.target);
        transfers.handOver(call, consult.dialog, consult.callId, consult.media, consult.extension, consult.number,
                consult.trunk);
    }

    /** The consultation ends and the agent is back with the customer, who no longer holds. */
    private void end(VoiceCall call, String why) {
        release(call);
        LOG.info("Call {}: consultation ended ({}); the agent is back with the customer", call.id, why);
        if (call.state() == VoiceCall.State.TALKING && call.bridge != null) {
            call.held = false;
            call.callerMedia.stopPlaying();
            call.bridge.resume();
        }
    }

    /** Lets the consulted party go (BYE once answered, CANCEL while it rings) and forgets the leg. */
    void release(VoiceCall call) {
        ConsultLeg consult = call.consult;
        if (consult == null) {
            return;
        }
        call.consult = null;
        if (consult.bridge != null) {
            consult.bridge.close();
        }
        if (consult.answered()) {
            sip.sendBye(consult.dialog);
        } else if (consult.invite != null) {
            if (consult.provisional) {
                sip.sendCancel(consult.invite);
            } else {
                // CANCEL may only follow a provisional response (RFC 3261 §9.1): sent when one arrives.
                context.calls().cancelOnProvisional(consult.callId, consult.invite);
            }
        }
        consult.media.close();
        context.calls().removeLeg(consult.callId);
    }
}
