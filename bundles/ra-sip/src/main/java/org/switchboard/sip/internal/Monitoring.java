package org.switchboard.sip.internal;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaUnavailableException;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MonitorMode;
import org.switchboard.api.voice.CallControlException;

/** A supervisor's leg on a conversation: their phone is rung, joins the bridge in a monitor mode, and leaves. */
final class Monitoring {

    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

    private final CallContext context;
    private final SipProvider provider;
    private final SipMessages messages;
    private final Signalling sip;
    private final MediaService media;
    private final Registrations registrations;

    Monitoring(CallContext context, MediaService media, Registrations registrations) {
        this.context = context;
        this.provider = context.provider();
        this.messages = context.messages();
        this.sip = context.sip();
        this.media = media;
        this.registrations = registrations;
    }

    /** The supervisor at {@code extension} monitors the call in {@code mode}: their phone is rung, or switches mode. */
    void monitor(VoiceCall call, String extension, MonitorMode mode) {
        if (call.supervisorAnswered && extension.equals(call.supervisorExtension)) {
            call.monitorMode = mode;
            call.bridge.monitor(call.supervisorMedia, mode);
            LOG.info("Call {}: supervisor at {} now in {}", call.id, extension, mode);
            return;
        }
        Registrations.Binding phone = registrations.find(extension, System.currentTimeMillis()).orElseThrow(() ->
                new CallControlException("no phone registered at extension '" + extension + "'", false));
        end(call, true);
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (MediaUnavailableException e) {
            throw new CallControlException("the supervisor's phone cannot be rung: " + e.getMessage(), false);
        }
        SipURI contact = phone.contact();
        String transport = contact.getTransportParam() != null ? contact.getTransportParam() : "udp";
        try {
            Request invite = messages.invite(provider, contact, call.caller, mode.name().toLowerCase(), extension,
                    transport);
            messages.body(invite, "application/sdp", Sdp.offer(leg.local()));
            ClientTransaction transaction = provider.getNewClientTransaction(invite);
            call.supervisorExtension = extension;
            call.monitorMode = mode;
            call.supervisorMedia = leg;
            call.supervisorInvite = transaction;
            call.supervisorDialog = provider.getNewDialog(transaction);
            call.supervisorCallId = callId(invite);
            context.calls().addLeg(call.supervisorCallId, call);
            transaction.sendRequest();
            LOG.info("Call {}: ringing supervisor at {} to {}", call.id, extension, mode);
        } catch (SipException | RuntimeException e) {
            leg.close();
            call.clearSupervisor();
            throw new CallControlException("the supervisor's phone cannot be rung: " + e.getMessage(), false);
        }
    }

    /** The supervisor's phone answered our INVITE. */
    void response(VoiceCall call, ResponseEvent event, long cseq) {
        int status = event.getResponse().getStatusCode();
        if (status < 200) {
            return;
        }
        if (status >= 300) {
            LOG.info("Call {}: supervisor's phone at {} answered {}", call.id, call.supervisorExtension, status);
            end(call, false);
            return;
        }
        Dialog dialog = event.getDialog();
        sip.sendAck(dialog, cseq);
        if (call.supervisorAnswered) {
            return; // a retransmitted 200
        }
        if (call.state() != VoiceCall.State.TALKING || call.bridge == null) {
            sip.sendBye(dialog);
            end(call, false);
            return;
        }
        try {
            SessionOffer answer = Sdp.read(body(event.getResponse()));
            call.supervisorMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        } catch (SdpRejected e) {
            sip.sendBye(dialog);
            end(call, false);
            return;
        }
        call.supervisorAnswered = true;
        call.bridge.monitor(call.supervisorMedia, call.monitorMode);
        LOG.info("Call {}: supervisor at {} joined ({})", call.id, call.supervisorExtension, call.monitorMode);
    }

    /** The supervisor leaves: their phone gets a BYE when {@code hangUpPhone}, the parties are relayed again. */
    void end(VoiceCall call, boolean hangUpPhone) {
        if (call.supervisorCallId == null) {
            return;
        }
        if (call.bridge != null && call.supervisorAnswered) {
            call.bridge.stopMonitoring();
        }
        if (hangUpPhone) {
            if (call.supervisorAnswered) {
                sip.sendBye(call.supervisorDialog);
            } else if (call.supervisorInvite != null) {
                context.calls().cancelOnProvisional(call.supervisorCallId, call.supervisorInvite);
                sip.sendCancel(call.supervisorInvite);
            }
        }
        context.calls().removeLeg(call.supervisorCallId);
        call.clearSupervisor();
    }
}
