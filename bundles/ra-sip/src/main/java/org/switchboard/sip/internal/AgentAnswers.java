package org.switchboard.sip.internal;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdService;

/**
 * The answers to the INVITEs we send on a call's other legs: the agent's phone (or a number outside) ringing,
 * answering or failing, a trunk's challenge, a customer dialed for a callback, a supervisor's or a colleague's
 * phone; and what follows for the call, on its lane.
 */
final class AgentAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(AgentAnswers.class);

    private final B2bua b2bua;
    private final SipProvider provider;
    private final SipMessages messages;
    private final Signalling sip;
    private final KeyedExecutor lanes;
    private final CallTable calls;
    private final AcdService acd;
    private final AuthenticationHelper authentication;

    AgentAnswers(B2bua b2bua, CallContext context, AcdService acd, AuthenticationHelper authentication) {
        this.b2bua = b2bua;
        this.provider = context.provider();
        this.messages = context.messages();
        this.sip = context.sip();
        this.lanes = context.lanes();
        this.calls = context.calls();
        this.acd = acd;
        this.authentication = authentication;
    }

    /** A response to a request of ours about a call (on the SIP thread): handled on the call's lane. */
    void response(ResponseEvent event) {
        Response response = event.getResponse();
        VoiceCall call = calls.byLeg(callId(response));
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (Request.UPDATE.equals(cseq.getMethod()) && call != null) {
            b2bua.onLane(call, () -> b2bua.sessions().refreshAnswered(call, event, cseq.getSeqNumber()));
            return;
        }
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        if (call == null) {
            ClientTransaction toCancel = calls.takeCancel(callId(response));
            if (toCancel != null && response.getStatusCode() < 200) {
                sip.sendCancel(toCancel);
            } else if (response.getStatusCode() / 100 == 2 && event.getDialog() != null) {
                // An answer from a phone that was rung after the call had gone: confirm and end it at once.
                sip.ackThenBye(event.getDialog(), cseq.getSeqNumber());
            }
            return;
        }
        lanes.execute(call.lane, () -> agentResponse(call, event, cseq.getSeqNumber()));
    }

    private void agentResponse(VoiceCall call, ResponseEvent event, long cseq) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (callId(response).equals(call.supervisorCallId)) {
            b2bua.monitoring().response(call, event, cseq);
            return;
        }
        if (Consultations.isConsulted(call, callId(response))) {
            b2bua.consultations().response(call, event, cseq);
            return;
        }
        if (call.outbound && callId(response).equals(call.callerCallId)) {
            b2bua.callbacks().customerResponse(call, event, cseq);
            return;
        }
        if (callId(response).equals(call.callerCallId)) {
            // The caller's leg is ours to answer: only a refresh is sent on it.
            b2bua.sessions().refreshAnswered(call, event, cseq);
            return;
        }
        boolean current = call.state() == VoiceCall.State.RINGING_AGENT && callId(response).equals(call.agentCallId);
        if (status < 200) {
            if (current) {
                call.agentProvisional = true;
                if (call.internal && status > 100 && !call.callerAlerted) {
                    // The callee's phone rings (or plays early media): the caller hears ringback.
                    call.callerAlerted = true;
                    sip.respond(call.callerInvite, B2bua.inCallerDialog(call,
                            messages.response(Response.RINGING, call.callerInvite.getRequest())));
                }
            }
            return;
        }
        if (current && call.externalNumber != null && !call.agentLegChallenged && !call.trunk.username().isEmpty()
                && (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)) {
            call.agentLegChallenged = true;
            try {
                ClientTransaction retry = authentication.handleChallenge(response, event.getClientTransaction(),
                        provider, 5);
                call.agentInvite = retry;
                call.agentDialog = retry.getDialog() != null ? retry.getDialog() : provider.getNewDialog(retry);
                retry.sendRequest();
            } catch (SipException | RuntimeException e) {
                LOG.warn("Call {}: the trunk's challenge cannot be answered: {}", call.id, e.getMessage());
                String number = call.externalNumber;
                b2bua.forgetAgentLeg(call);
                b2bua.legs().outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            }
            return;
        }
        if (status >= 300) {
            if (current) {
                LOG.info("Call {}: {} answered {} {}", call.id, AgentLegs.calledParty(call), status,
                        response.getReasonPhrase());
                b2bua.legs().agentLegFailed(call, status);
            }
            return;
        }
        Dialog dialog = event.getDialog();
        if (!current) {
            if (call.state() == VoiceCall.State.TALKING && callId(response).equals(call.agentCallId)) {
                sip.sendAck(dialog, cseq); // a retransmitted 200: our ACK was lost
            } else if (dialog != null) {
                sip.ackThenBye(dialog, cseq);
            }
            return;
        }
        sip.sendAck(dialog, cseq);
        SessionOffer answer;
        try {
            answer = Sdp.read(body(response));
        } catch (SdpRejected e) {
            LOG.warn("Call {}: {} answered with unusable SDP: {}", call.id, AgentLegs.calledParty(call),
                    e.getMessage());
            sip.sendBye(dialog);
            b2bua.legs().agentLegFailed(call, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        call.agentMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        if (call.outbound) {
            b2bua.callbacks().dialCustomer(call);
            return;
        }
        if (call.internal) {
            if (b2bua.incoming().answerCaller(call)) {
                b2bua.bridge(call);
                LOG.debug("Call {}: {} answered {}", call.id, call.externalNumber != null ? call.externalNumber
                        : "extension " + call.agentExtension, call.caller);
            } else {
                sip.sendBye(dialog);
            }
            return;
        }
        if (!call.distributed()) {
            call.transferUnanswered = null;
            b2bua.bridge(call);
            LOG.debug("Call {}: {} answered; the caller {} is bridged with them", call.id, AgentLegs.calledParty(call),
                    call.caller);
            return;
        }
        try {
            acd.accept(call.id, call.agent);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: {} answered after the offer had ended ({}); hanging up their phone", call.id,
                    call.agent, e.getMessage());
            sip.sendBye(dialog);
            b2bua.forgetAgentLeg(call);
            call.to(VoiceCall.State.QUEUED);
            return;
        }
        b2bua.bridge(call);
        LOG.debug("Call {}: agent {} answered; caller {} bridged after {} waiting", call.id, call.agent, call.caller,
                B2bua.waited(call));
    }

    /** A request of ours got no answer at all: the leg it was for has failed. */
    void timeout(ClientTransaction transaction) {
        if (transaction == null) {
            return;
        }
        calls.takeCancel(callId(transaction.getRequest()));
        VoiceCall call = calls.byLeg(callId(transaction.getRequest()));
        if (call == null || !Request.INVITE.equals(transaction.getRequest().getMethod())) {
            return;
        }
        lanes.execute(call.lane, () -> {
            if (call.state() == VoiceCall.State.RINGING_AGENT && transaction == call.agentInvite) {
                LOG.info("Call {}: {} did not answer the INVITE", call.id, AgentLegs.calledParty(call));
                b2bua.legs().agentLegFailed(call, Response.REQUEST_TIMEOUT);
            } else if (call.state() == VoiceCall.State.DIALING_CUSTOMER && transaction == call.customerInvite) {
                b2bua.callbacks().customerFailed(call, "no answer from the trunk");
            } else if (call.consult != null && transaction == call.consult.invite) {
                b2bua.consultations().timeout(call);
            }
        });
    }
}
