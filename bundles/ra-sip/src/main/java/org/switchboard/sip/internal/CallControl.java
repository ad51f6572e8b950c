package org.switchboard.sip.internal;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionState;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;
import org.switchboard.api.media.Recording;

/**
 * The B2BUA: answers a caller at an entry point, puts the call in its queue with music, rings the phone of
 * the agent distribution offers it to, and bridges the two legs when the agent answers. Every event of a call
 * runs on that call's lane of the keyed executor, so a call's state needs no locks.
 */
final class CallControl {

    private static final Logger LOG = LoggerFactory.getLogger(CallControl.class);
    private static final Pattern DTMF_RELAY = Pattern.compile("(?im)^\\s*signal\\s*=\\s*([0-9*#A-D])");

    private final SipProvider provider;
    private final SipMessages messages;
    private final MediaService media;
    private final AcdService acd;
    private final Registrations registrations;
    private final FlowService flows;
    private final ScheduledExecutorService timers;
    private final KeyedExecutor lanes;
    private final int maxCalls;
    private final String holdMusic;
    private final Path recordings;
    private final java.util.function.Consumer<Recording> recorded;
    private final Map<String, VoiceCall> bySipCallId = new ConcurrentHashMap<>();
    private final Map<String, VoiceCall> byInteraction = new ConcurrentHashMap<>();
    private final Map<String, ClientTransaction> cancelOnProvisional = new ConcurrentHashMap<>();

    CallControl(SipProvider provider, SipMessages messages, MediaService media, AcdService acd,
            Registrations registrations, FlowService flows, ScheduledExecutorService timers, KeyedExecutor lanes,
            int maxCalls,
            String holdMusic, Path recordings, java.util.function.Consumer<Recording> recorded) {
        this.provider = provider;
        this.messages = messages;
        this.media = media;
        this.acd = acd;
        this.registrations = registrations;
        this.flows = flows;
        this.timers = timers;
        this.lanes = lanes;
        this.maxCalls = maxCalls;
        this.holdMusic = holdMusic;
        this.recordings = recordings;
        this.recorded = recorded;
    }

    int activeCalls() {
        return byInteraction.size();
    }

    // ---- requests -------------------------------------------------------------------------------------------

    /** A new INVITE (on the SIP thread: the server transaction is made here so retransmissions are absorbed). */
    void invite(RequestEvent event) {
        Request request = event.getRequest();
        String callId = callId(request);
        VoiceCall existing = bySipCallId.get(callId);
        if (existing != null || ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            ServerTransaction transaction = serverTransaction(event);
            if (transaction != null) {
                lanes.execute(existing != null ? existing.callerCallId : callId, () -> reInvite(existing, event, transaction));
            }
            return;
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        lanes.execute(callId, () -> answer(event, transaction));
    }

    private void answer(RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        if (byInteraction.size() >= maxCalls) {
            LOG.warn("Call to {} refused: {} calls in progress, the configured maximum", user(request), maxCalls);
            Response busy = messages.response(Response.SERVICE_UNAVAILABLE, request);
            try {
                busy.addHeader(messages.headers.createRetryAfterHeader(5));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
            respond(transaction, busy);
            return;
        }
        String dialed = SipMessages.user(request.getRequestURI());
        if (dialed == null || !flows.entryPoints().containsKey(dialed)) {
            respond(transaction, warning(messages.response(Response.NOT_FOUND, request),
                    "no entry point " + (dialed == null ? "(no user part)" : "'" + dialed + "'")));
            return;
        }
        SessionOffer offer = null;
        String offered = body(request);
        if (!offered.isBlank()) {
            try {
                offer = Sdp.read(offered);
            } catch (SdpRejected e) {
                respond(transaction, warning(messages.response(Response.NOT_ACCEPTABLE_HERE, request), e.getMessage()));
                return;
            }
        }
        MediaLeg callerMedia;
        try {
            callerMedia = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call to {} refused: {}", dialed, e.getMessage());
            respond(transaction, messages.response(Response.SERVICE_UNAVAILABLE, request));
            return;
        }
        String caller = user(request);
        VoiceCall call = new VoiceCall(UUID.randomUUID().toString(), callId(request), caller, dialed, callerMedia,
                transaction, Instant.now());
        callerMedia.onDigit(digit -> onLane(call, () -> key(call, digit)));
        bySipCallId.put(call.callerCallId, call);
        byInteraction.put(call.id, call);
        try {
            call.callerDialog = provider.getNewDialog(transaction);
            Response ok = messages.response(Response.OK, request);
            ok.addHeader(messages.contact("switchboard", transport(request)));
            if (offer != null) {
                callerMedia.connect(offer.address(), offer.codec(), offer.telephoneEventType());
                messages.body(ok, "application/sdp", Sdp.answer(callerMedia.local(), offer, offer.direction().answer()));
            } else {
                // No offer in the INVITE: ours goes in the 200, the caller's answer comes with the ACK (RFC 3261 §13.2.1).
                call.awaitingAnswer = true;
                messages.body(ok, "application/sdp", Sdp.offer(callerMedia.local()));
            }
            transaction.sendResponse(ok);
            LOG.info("Call {} from {} to {} answered", call.id, caller, dialed);
        } catch (SipException | InvalidArgumentException e) {
            LOG.error("Call {} could not be answered", call.id, e);
            finish(call);
            return;
        }
        if (!flows.start(new SipCallSession(call, this))) {
            LOG.info("Call {}: entry point {} went away meanwhile; hanging up", call.id, dialed);
            hangUpFromFlow(call);
        }
    }

    // ---- what flows ask of a call (on its lane) -------------------------------------------------------------

    void onLane(VoiceCall call, Runnable task) {
        lanes.execute(call.callerCallId, () -> {
            if (call.state != VoiceCall.State.ENDED) {
                task.run();
            }
        });
    }

    void play(VoiceCall call, String prompt, Runnable then) {
        try {
            call.callerMedia.play(prompt, () -> onLane(call, then));
        } catch (RuntimeException e) {
            LOG.warn("Call {}: prompt '{}' cannot be played ({}); the flow goes on", call.id, prompt, e.getMessage());
            then.run();
        }
    }

    void collect(VoiceCall call, String prompt, int maxDigits, String terminators, Duration timeout,
            Consumer<String> then) {
        DigitCollector collector = new DigitCollector(maxDigits, terminators, digits -> {
            call.collector = null;
            then.accept(digits);
        });
        call.collector = collector;
        Runnable listen = () -> {
            if (call.collector == collector && !collector.done()) {
                silenceAfter(call, collector, timeout);
            }
        };
        if (prompt == null) {
            listen.run();
        } else {
            play(call, prompt, listen);
        }
    }

    private void silenceAfter(VoiceCall call, DigitCollector collector, Duration timeout) {
        int generation = collector.generation();
        timers.schedule(() -> onLane(call, () -> collector.silence(generation)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A key the caller pressed (RFC 4733 or SIP INFO): for the flow step collecting keys, if any. */
    private void key(VoiceCall call, char key) {
        DigitCollector collector = call.collector;
        if (collector == null || collector.done()) {
            LOG.debug("Call {}: key {} pressed with nothing asking for it", call.id, key);
            return;
        }
        boolean first = !collector.hasKeys();
        if (first) {
            call.callerMedia.stopPlaying(); // a key cuts the prompt short
        }
        if (!collector.key(key)) {
            silenceAfter(call, collector, Duration.ofSeconds(5));
        }
    }

    void enqueue(VoiceCall call, Interaction interaction, Duration announceEvery, String language) {
        call.queue = interaction.queue();
        boolean queued = acd.submit(interaction);
        if (!queued) {
            LOG.info("Call {} from {}: queue {} does not take it now; hanging up", call.id, call.caller, call.queue);
            hangUpFromFlow(call);
            return;
        }
        call.state = VoiceCall.State.QUEUED;
        playHoldMusic(call);
        LOG.info("Call {} from {} waiting in queue {}", call.id, call.caller, call.queue);
        if (!announceEvery.isZero()) {
            scheduleAnnouncement(call, announceEvery, language);
        }
    }

    /** Every so often a waiting caller hears their position and expected wait, then the music again. */
    private void scheduleAnnouncement(VoiceCall call, Duration every, String language) {
        timers.schedule(() -> onLane(call, () -> {
            if (call.state != VoiceCall.State.QUEUED) {
                return;
            }
            acd.estimate(call.id).ifPresent(estimate -> {
                List<String> prompts = new java.util.ArrayList<>(List.of(language + "/position",
                        language + "/numbers/" + spoken(estimate.position())));
                // No estimate while the queue has no recent handle time or nobody staffed: the position only.
                if (estimate.expectedWait() != null) {
                    long minutes = Math.max(1, (estimate.expectedWait().toSeconds() + 59) / 60);
                    prompts.addAll(List.of(language + "/wait", language + "/numbers/" + spoken(minutes)));
                }
                announce(call, prompts, 0);
            });
            scheduleAnnouncement(call, every, language);
        }), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void announce(VoiceCall call, List<String> prompts, int index) {
        if (call.state != VoiceCall.State.QUEUED) {
            return;
        }
        if (index == prompts.size()) {
            playHoldMusic(call);
            return;
        }
        play(call, prompts.get(index), () -> announce(call, prompts, index + 1));
    }

    private static String spoken(long number) {
        return number <= 20 ? Long.toString(number) : "many";
    }

    void hangUpFromFlow(VoiceCall call) {
        if (call.state == VoiceCall.State.ENDED) {
            return;
        }
        sendBye(call.callerDialog);
        if (call.state == VoiceCall.State.QUEUED) {
            ignoreConflict(() -> acd.abandon(call.id));
        }
        finish(call);
    }

    private void playHoldMusic(VoiceCall call) {
        try {
            call.callerMedia.play(holdMusic, true);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: hold music '{}' cannot be played: {}", call.id, holdMusic, e.getMessage());
        }
    }

    /** An INVITE within a dialog: the party moved its media or put the call on hold or took it off. */
    private void reInvite(VoiceCall call, RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        if (call == null || call.state == VoiceCall.State.ENDED) {
            respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        boolean fromCaller = call.callerCallId.equals(callId(request));
        MediaLeg leg = fromCaller ? call.callerMedia : call.agentMedia;
        if (leg == null) {
            respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        SessionOffer offer;
        try {
            offer = Sdp.read(body(request));
        } catch (SdpRejected e) {
            respond(transaction, warning(messages.response(Response.NOT_ACCEPTABLE_HERE, request), e.getMessage()));
            return;
        }
        leg.connect(offer.address(), offer.codec(), offer.telephoneEventType());
        if (!fromCaller && call.state == VoiceCall.State.TALKING) {
            // The agent's phone holds the call: the customer hears music until it is taken back.
            if (offer.direction().onHold()) {
                LOG.info("Call {} put on hold by agent {}", call.id, call.agent);
                playHoldMusic(call);
            } else {
                call.callerMedia.stopPlaying();
            }
        }
        Response ok = messages.response(Response.OK, request);
        ok.addHeader(messages.contact("switchboard", transport(request)));
        messages.body(ok, "application/sdp", Sdp.answer(leg.local(), offer, offer.direction().answer()));
        respond(transaction, ok);
    }

    void bye(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = serverTransaction(event);
        VoiceCall call = bySipCallId.get(callId(request));
        if (transaction == null) {
            return;
        }
        if (call == null) {
            respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        lanes.execute(call.callerCallId, () -> {
            respond(transaction, messages.response(Response.OK, request));
            boolean fromCaller = call.callerCallId.equals(callId(request));
            hangUp(call, fromCaller);
        });
    }

    private void hangUp(VoiceCall call, boolean byCaller) {
        switch (call.state) {
            case FLOW -> LOG.info("Call {}: caller hung up in the flow after {}", call.id, waited(call));
            case QUEUED -> {
                LOG.info("Call {}: caller hung up after {} waiting in queue {}", call.id, waited(call), call.queue);
                ignoreConflict(() -> acd.abandon(call.id));
            }
            case RINGING_AGENT -> {
                LOG.info("Call {}: caller hung up while agent {} was rung", call.id, call.agent);
                cancelAgent(call);
                ignoreConflict(() -> acd.abandon(call.id));
            }
            case TALKING -> {
                LOG.info("Call {}: {} hung up", call.id, byCaller ? "caller" : "agent " + call.agent);
                sendBye(byCaller ? call.agentDialog : call.callerDialog);
                ignoreConflict(() -> acd.end(call.id));
            }
            case ENDED -> {
                return;
            }
        }
        finish(call);
    }

    void cancel(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        respond(transaction, messages.response(Response.OK, request));
        VoiceCall call = bySipCallId.get(callId(request));
        if (call == null) {
            return;
        }
        lanes.execute(call.callerCallId, () -> {
            if (call.callerInvite.getState() == TransactionState.PROCEEDING) {
                respond(call.callerInvite, messages.response(Response.REQUEST_TERMINATED, call.callerInvite.getRequest()));
                hangUp(call, true);
            }
        });
    }

    /** The caller confirms our 200; after an INVITE without SDP, the ACK carries the caller's answer. */
    void ack(RequestEvent event) {
        Request request = event.getRequest();
        VoiceCall call = bySipCallId.get(callId(request));
        if (call == null || !call.awaitingAnswer || !call.callerCallId.equals(callId(request))) {
            return;
        }
        lanes.execute(call.callerCallId, () -> {
            if (!call.awaitingAnswer || call.state == VoiceCall.State.ENDED) {
                return;
            }
            call.awaitingAnswer = false;
            try {
                SessionOffer answer = Sdp.read(body(request));
                call.callerMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
            } catch (SdpRejected e) {
                LOG.info("Call {}: the caller's ACK has no usable answer ({}); hanging up", call.id, e.getMessage());
                sendBye(call.callerDialog);
                hangUp(call, true);
            }
        });
    }

    /** DTMF sent in signalling (SIP INFO, application/dtmf-relay) rather than as RFC 4733 events. */
    void info(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        VoiceCall call = bySipCallId.get(callId(request));
        if (call == null) {
            respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        Matcher signal = DTMF_RELAY.matcher(body(request));
        respond(transaction, messages.response(Response.OK, request));
        if (signal.find() && call.callerCallId.equals(callId(request))) {
            char digit = Character.toUpperCase(signal.group(1).charAt(0));
            lanes.execute(call.callerCallId, () -> call.callerMedia.digit(digit));
        }
    }

    // ---- the agent leg -------------------------------------------------------------------------------------

    /** Distribution's events about calls of ours: ring the agent offered the call, stop ringing one withdrawn. */
    void distribution(AcdEvent event) {
        if (event instanceof AcdEvent.Offered offered) {
            onCall(offered.interactionId(), call -> ringAgent(call, offered.agent()));
        } else if (event instanceof AcdEvent.Declined declined) {
            onCall(declined.interactionId(), call -> stopRinging(call, declined.agent()));
        } else if (event instanceof AcdEvent.Withdrawn withdrawn) {
            onCall(withdrawn.interactionId(), call -> stopRinging(call, withdrawn.agent()));
        } else if (event instanceof AcdEvent.Dropped dropped) {
            onCall(dropped.interactionId(), call -> leaveTheLine(call, "dropped by a supervisor"));
        } else if (event instanceof AcdEvent.Overflowed overflowed
                && overflowed.action() != org.switchboard.api.acd.MaxWait.Action.QUEUE) {
            onCall(overflowed.interactionId(), call -> leaveTheLine(call, "waited the queue's maximum ("
                    + overflowed.action() + ")"));
        }
    }

    private void onCall(String interactionId, java.util.function.Consumer<VoiceCall> action) {
        VoiceCall call = byInteraction.get(interactionId);
        if (call != null) {
            lanes.execute(call.callerCallId, () -> {
                if (call.state != VoiceCall.State.ENDED) {
                    action.accept(call);
                }
            });
        }
    }

    private void ringAgent(VoiceCall call, String agent) {
        if (call.state != VoiceCall.State.QUEUED) {
            return;
        }
        Optional<String> extension = acd.agent(agent).map(AgentView::extension);
        Optional<Registrations.Binding> phone = extension.flatMap(e -> registrations.find(e, System.currentTimeMillis()));
        if (phone.isEmpty()) {
            LOG.warn("Call {} offered to {}, whose phone ({}) is not registered: declined", call.id, agent,
                    extension.orElse("no extension"));
            ignoreConflict(() -> acd.decline(call.id, agent));
            return;
        }
        MediaLeg agentMedia;
        try {
            agentMedia = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call {} cannot ring {}: {}", call.id, agent, e.getMessage());
            ignoreConflict(() -> acd.decline(call.id, agent));
            return;
        }
        SipURI contact = phone.get().contact();
        String transport = contact.getTransportParam() != null ? contact.getTransportParam() : "udp";
        try {
            Request invite = messages.invite(provider, contact, call.caller, null, extension.get(), transport);
            messages.body(invite, "application/sdp", Sdp.offer(agentMedia.local()));
            ClientTransaction transaction = provider.getNewClientTransaction(invite);
            call.agent = agent;
            call.agentMedia = agentMedia;
            call.agentInvite = transaction;
            call.agentDialog = provider.getNewDialog(transaction);
            call.agentCallId = callId(invite);
            call.state = VoiceCall.State.RINGING_AGENT;
            bySipCallId.put(call.agentCallId, call);
            transaction.sendRequest();
            LOG.info("Call {}: ringing agent {} at {}", call.id, agent, contact);
        } catch (SipException | RuntimeException e) {
            LOG.warn("Call {} cannot ring {} at {}: {}", call.id, agent, contact, e.toString());
            forgetAgentLeg(call);
            ignoreConflict(() -> acd.decline(call.id, agent));
        }
    }

    private void stopRinging(VoiceCall call, String agent) {
        if (call.state == VoiceCall.State.RINGING_AGENT && agent.equals(call.agent)) {
            LOG.info("Call {}: offer to {} ended; ringing stops", call.id, agent);
            cancelAgent(call);
            call.state = VoiceCall.State.QUEUED;
        }
    }

    void response(ResponseEvent event) {
        Response response = event.getResponse();
        VoiceCall call = bySipCallId.get(callId(response));
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        if (call == null) {
            ClientTransaction toCancel = cancelOnProvisional.remove(callId(response));
            if (toCancel != null && response.getStatusCode() < 200) {
                sendCancel(toCancel);
            } else if (response.getStatusCode() / 100 == 2 && event.getDialog() != null) {
                // An answer from a phone that was rung after the call had gone: confirm and end it at once.
                ackThenBye(event.getDialog(), cseq.getSeqNumber());
            }
            return;
        }
        lanes.execute(call.callerCallId, () -> agentResponse(call, event, cseq.getSeqNumber()));
    }

    private void agentResponse(VoiceCall call, ResponseEvent event, long cseq) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        boolean current = call.state == VoiceCall.State.RINGING_AGENT && callId(response).equals(call.agentCallId);
        if (status < 200) {
            if (current) {
                call.agentProvisional = true;
            }
            return;
        }
        if (status >= 300) {
            if (current) {
                String agent = call.agent;
                LOG.info("Call {}: agent {}'s phone answered {} {}", call.id, agent, status, response.getReasonPhrase());
                forgetAgentLeg(call);
                call.state = VoiceCall.State.QUEUED;
                ignoreConflict(() -> acd.decline(call.id, agent));
            }
            return;
        }
        Dialog dialog = event.getDialog();
        if (!current) {
            if (call.state == VoiceCall.State.TALKING && callId(response).equals(call.agentCallId)) {
                sendAck(dialog, cseq); // a retransmitted 200: our ACK was lost
            } else if (dialog != null) {
                ackThenBye(dialog, cseq);
            }
            return;
        }
        sendAck(dialog, cseq);
        SessionOffer answer;
        try {
            answer = Sdp.read(body(response));
        } catch (SdpRejected e) {
            LOG.warn("Call {}: agent {}'s phone answered with unusable SDP: {}", call.id, call.agent, e.getMessage());
            String agent = call.agent;
            sendBye(dialog);
            forgetAgentLeg(call);
            call.state = VoiceCall.State.QUEUED;
            ignoreConflict(() -> acd.decline(call.id, agent));
            return;
        }
        call.agentMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        try {
            acd.accept(call.id, call.agent);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: {} answered after the offer had ended ({}); hanging up their phone", call.id,
                    call.agent, e.getMessage());
            sendBye(dialog);
            forgetAgentLeg(call);
            call.state = VoiceCall.State.QUEUED;
            return;
        }
        call.callerMedia.stopPlaying();
        call.recording = recordings.resolve(LocalDate.now(ZoneOffset.UTC).toString()).resolve(call.id + ".wav");
        try {
            call.bridge = media.bridge(call.callerMedia, call.agentMedia, call.recording);
        } catch (RuntimeException e) {
            LOG.error("Call {}: recording cannot be written ({}); bridged without it", call.id, e.getMessage());
            call.recording = null;
            call.bridge = media.bridge(call.callerMedia, call.agentMedia, null);
        }
        call.bridgedAt = Instant.now();
        call.state = VoiceCall.State.TALKING;
        LOG.info("Call {}: agent {} answered; caller {} bridged after {} waiting", call.id, call.agent, call.caller,
                waited(call));
    }

    void timeout(ClientTransaction transaction) {
        if (transaction == null) {
            return;
        }
        cancelOnProvisional.remove(callId(transaction.getRequest()));
        VoiceCall call = bySipCallId.get(callId(transaction.getRequest()));
        if (call == null || !Request.INVITE.equals(transaction.getRequest().getMethod())) {
            return;
        }
        lanes.execute(call.callerCallId, () -> {
            if (call.state == VoiceCall.State.RINGING_AGENT && transaction == call.agentInvite) {
                String agent = call.agent;
                LOG.info("Call {}: agent {}'s phone did not answer the INVITE", call.id, agent);
                forgetAgentLeg(call);
                call.state = VoiceCall.State.QUEUED;
                ignoreConflict(() -> acd.decline(call.id, agent));
            }
        });
    }

    private void leaveTheLine(VoiceCall call, String why) {
        LOG.info("Call {} leaves the line: {}", call.id, why);
        if (call.state == VoiceCall.State.RINGING_AGENT) {
            cancelAgent(call);
        }
        sendBye(call.callerDialog);
        finish(call);
    }

    /** Ends every call (the endpoint is stopping): both parties get a BYE. */
    void hangUpAll() {
        for (VoiceCall call : byInteraction.values()) {
            lanes.execute(call.callerCallId, () -> {
                if (call.state == VoiceCall.State.TALKING) {
                    sendBye(call.agentDialog);
                } else if (call.state == VoiceCall.State.RINGING_AGENT) {
                    cancelAgent(call);
                }
                if (call.state != VoiceCall.State.ENDED) {
                    sendBye(call.callerDialog);
                    ignoreConflict(() -> {
                        if (call.state == VoiceCall.State.TALKING) {
                            acd.end(call.id);
                        } else if (call.state != VoiceCall.State.FLOW) {
                            acd.abandon(call.id);
                        }
                    });
                    finish(call);
                }
            });
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void cancelAgent(VoiceCall call) {
        ClientTransaction invite = call.agentInvite;
        if (invite != null) {
            if (call.agentProvisional) {
                sendCancel(invite);
            } else {
                // CANCEL may only follow a provisional response (RFC 3261 §9.1): sent when one arrives.
                cancelOnProvisional.put(call.agentCallId, invite);
            }
        }
        forgetAgentLeg(call);
    }

    private void sendCancel(ClientTransaction invite) {
        if (invite.getState() != TransactionState.PROCEEDING && invite.getState() != TransactionState.CALLING) {
            return;
        }
        try {
            provider.getNewClientTransaction(invite.createCancel()).sendRequest();
        } catch (SipException e) {
            LOG.debug("CANCEL of {} failed: {}", callId(invite.getRequest()), e.toString());
        }
    }

    /** Drops the agent leg; a response still arriving for it finds no call and is ended by {@link #response}. */
    private void forgetAgentLeg(VoiceCall call) {
        if (call.agentCallId != null) {
            bySipCallId.remove(call.agentCallId);
        }
        call.clearAgent();
    }

    private void finish(VoiceCall call) {
        call.state = VoiceCall.State.ENDED;
        if (call.bridge != null) {
            call.bridge.close();
        }
        call.callerMedia.close();
        if (call.recording != null && call.bridgedAt != null) {
            LOG.info("Call {} recorded to {}", call.id, call.recording);
            recorded.accept(new Recording(call.id + "-" + call.bridgedAt.toEpochMilli(), call.id, call.agent,
                    call.caller, call.dialed, call.bridgedAt, Instant.now(), call.recording.toString()));
        }
        forgetAgentLeg(call);
        forget(call);
    }

    private void forget(VoiceCall call) {
        bySipCallId.remove(call.callerCallId);
        byInteraction.remove(call.id);
        if (call.state != VoiceCall.State.ENDED) {
            call.callerMedia.close();
            call.state = VoiceCall.State.ENDED;
        }
    }

    private void sendAck(Dialog dialog, long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException e) {
            LOG.debug("ACK failed: {}", e.toString());
        }
    }

    private void ackThenBye(Dialog dialog, long cseq) {
        sendAck(dialog, cseq);
        sendBye(dialog);
    }

    private void sendBye(Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(provider.getNewClientTransaction(bye));
        } catch (SipException e) {
            LOG.debug("BYE failed: {}", e.toString());
        }
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction != null) {
            return transaction;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (javax.sip.TransactionAlreadyExistsException e) {
            return null; // a retransmission: the transaction we have answers it
        } catch (javax.sip.TransactionUnavailableException e) {
            // The stack will not keep a transaction for a request missing what RFC 3261 requires (Contact in an
            // INVITE, Max-Forwards, ...): refuse it statelessly, saying why.
            badRequest(event.getRequest(), e.getMessage());
            return null;
        }
    }

    private void badRequest(Request request, String why) {
        String reason = why == null ? "Bad Request" : why.replaceAll("[\\r\\n]", " ").trim();
        LOG.debug("{} from {} refused: {}", request.getMethod(), user(request), reason);
        try {
            Response bad = messages.response(Response.BAD_REQUEST, request);
            bad.setReasonPhrase(reason.length() > 100 ? reason.substring(0, 100) : reason);
            provider.sendResponse(bad);
        } catch (SipException | ParseException | RuntimeException e) {
            LOG.debug("400 could not be sent: {}", e.toString());
        }
    }

    private void respond(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("Response {} could not be sent: {}", response.getStatusCode(), e.toString());
        }
    }

    private Response warning(Response response, String text) {
        try {
            response.addHeader(messages.headers.createWarningHeader("switchboard", 399, text));
        } catch (ParseException | InvalidArgumentException e) {
            LOG.debug("Warning '{}' not added: {}", text, e.toString());
        }
        return response;
    }

    private static void ignoreConflict(Runnable command) {
        try {
            command.run();
        } catch (AcdConflictException e) {
            LOG.debug("Distribution had moved on: {}", e.getMessage());
        }
    }

    private static String callId(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String user(Request request) {
        String user = SipMessages.user(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        return user == null ? "anonymous" : user;
    }

    private static String body(javax.sip.message.Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String transport(Request request) {
        return ((javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport();
    }

    private static String waited(VoiceCall call) {
        return java.time.Duration.between(call.startedAt, Instant.now()).toMillis() + " ms";
    }
}
