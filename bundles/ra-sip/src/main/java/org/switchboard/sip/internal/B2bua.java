package org.switchboard.sip.internal;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;
import static org.switchboard.sip.internal.Signalling.transport;
import static org.switchboard.sip.internal.Signalling.user;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;
import org.switchboard.api.media.Recording;
import org.switchboard.api.voicemail.Voicemail;

/**
 * The B2BUA: answers a caller at an entry point, puts the call in its queue with music, rings the phone of
 * the agent distribution offers it to, and bridges the two legs when the agent answers. Every event of a call
 * runs on that call's lane of the keyed executor, so a call's state needs no locks.
 */
final class B2bua {

    private static final Logger LOG = LoggerFactory.getLogger(B2bua.class);
    /** Seconds a caller refused for load is asked to wait before trying again. */
    private static final int RETRY_AFTER_SECONDS = 5;
    /** The longest message a caller who waited a queue's longest may leave. */
    private static final Duration MESSAGE_AFTER_WAITING = Duration.ofMinutes(2);

    private final SipProvider provider;
    private final SipMessages messages;
    private final Signalling sip;
    private final ScheduledExecutorService timers;
    private final KeyedExecutor lanes;
    private final CallTable calls;
    private final MediaService media;
    private final AcdService acd;
    private final FlowService flows;
    private final Registrations registrations;
    private final Registrar registrar;
    private final int maxCalls;
    private final Admission admission;
    private final RefusalLog refusals = new RefusalLog(LOG, 10, TimeUnit.SECONDS);
    private final String holdMusic;
    private final Path recordings;
    private final String pickupPrefix;
    private final Consumer<Recording> recorded;
    /** Where the messages callers leave are kept. */
    private final Consumer<Voicemail> voicemails;
    private final AuthenticationHelper authentication;
    private final ParkingLot parking;
    /** Addresses whose calls are taken without authentication (trunks, configured networks). */
    private final Predicate<String> callerSources;
    private final OutsideLines outside;
    private final SessionRefresher sessions;
    private final PhonePickup pickups;
    private final QueueAnnouncements announcements;
    private final Monitoring monitoring;
    private final AgentLegs legs;
    private final Transfers transfers;
    private final DialogRequests dialogs;
    private final Callbacks callbacks;
    private final Consultations consultations;
    private final StaleCalls stale;

    B2bua(CallContext context, MediaService media, AcdService acd, FlowService flows, Registrations registrations,
            Registrar registrar, CallSettings settings, Consumer<Recording> recorded, Consumer<Voicemail> voicemails,
            AuthenticationHelper authentication, ParkingLot parking, Predicate<String> callerSources,
            OutsideLines outside) {
        this.provider = context.provider();
        this.messages = context.messages();
        this.sip = context.sip();
        this.timers = context.timers();
        this.lanes = context.lanes();
        this.calls = context.calls();
        this.media = media;
        this.acd = acd;
        this.flows = flows;
        this.registrations = registrations;
        this.registrar = registrar;
        this.maxCalls = settings.maxCalls();
        this.admission = new Admission(lanes::lagMillis, calls::count, settings.maxLagMillis(),
                settings.maxCallRate());
        this.holdMusic = settings.holdMusic();
        this.recordings = settings.recordings();
        this.pickupPrefix = settings.pickupPrefix();
        this.recorded = recorded;
        this.voicemails = voicemails;
        this.authentication = authentication;
        this.parking = parking;
        this.callerSources = callerSources;
        this.outside = outside;
        // The parts below keep a reference to this B2BUA; they use it only for events on a call's lane, once built.
        this.sessions = new SessionRefresher(this, context);
        this.pickups = new PhonePickup(this, context, registrar, acd, media);
        this.announcements = new QueueAnnouncements(this, timers, acd);
        this.monitoring = new Monitoring(context, media, registrations);
        this.legs = new AgentLegs(this, context, media, acd, registrations, outside, pickups);
        this.transfers = new Transfers(this, legs, context, acd, flows, outside, parking, registrar, media, monitoring);
        this.dialogs = new DialogRequests(this, context, sessions, monitoring);
        this.callbacks = new Callbacks(this, legs, context, media, acd, outside, authentication);
        this.consultations = new Consultations(this, context, media, acd, registrations, outside, authentication,
                transfers);
        this.stale = new StaleCalls(this, context);
    }

    /** A request about calls (on the SIP thread), for the part that deals with it. */
    void request(RequestEvent event) {
        switch (event.getRequest().getMethod()) {
            case Request.INVITE -> invite(event);
            case Request.ACK -> dialogs.ack(event);
            case Request.BYE -> dialogs.bye(event);
            case Request.CANCEL -> dialogs.cancel(event);
            case Request.INFO -> dialogs.info(event);
            case Request.REFER -> transfers.refer(event);
            case Request.UPDATE -> sessions.update(event);
            default -> throw new IllegalArgumentException(event.getRequest().getMethod() + " is no request about calls");
        }
    }

    /** Transfers and parking, which call control also asks for. */
    Transfers transfers() {
        return transfers;
    }

    /** Consultations, which call control starts and ends. */
    Consultations consultations() {
        return consultations;
    }

    /** Calls whose parties are gone without saying so, which the audit and the stack's timeouts end. */
    StaleCalls stale() {
        return stale;
    }

    /** Supervisors' legs, which call control sets up. */
    Monitoring monitoring() {
        return monitoring;
    }

    // ---- requests -------------------------------------------------------------------------------------------

    /** A new INVITE (on the SIP thread: the server transaction is made here so retransmissions are absorbed). */
    private void invite(RequestEvent event) {
        Request request = event.getRequest();
        String callId = callId(request);
        VoiceCall existing = calls.byLeg(callId);
        if (existing != null || ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            ServerTransaction transaction = sip.serverTransaction(event);
            if (transaction != null) {
                lanes.execute(existing != null ? existing.lane : callId,
                        () -> dialogs.reInvite(existing, event, transaction));
            }
            return;
        }
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        String dialed = outside.dialedNumber(request);
        String overload = admission.refusal(System.nanoTime());
        if (overload != null) {
            refuseForLoad(transaction, request, dialed, overload);
            return;
        }
        VoiceCall parked = parking.at(dialed);
        if (parked != null) {
            lanes.execute(parked.lane, () -> transfers.retrieve(parked, event, transaction));
            return;
        }
        if (dialed != null && dialed.startsWith(pickupPrefix) && dialed.length() > pickupPrefix.length()) {
            String ringing = dialed.substring(pickupPrefix.length());
            Optional<VoiceCall> call = calls.ringingAt(ringing);
            if (call.isEmpty()) {
                sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request),
                        "no call rings at extension " + ringing));
            } else {
                lanes.execute(call.get().lane, () -> pickups.pickUp(call.get(), event, transaction));
            }
            return;
        }
        // A phone in conversation that calls another extension consults about its call: both run on one lane, so
        // that a transfer joining them (REFER with Replaces) sees both at once. Only phones with an account can be
        // in conversation as agents: customers' calls skip the search through every call.
        String caller = user(request);
        String lane = caller != null && registrar.hasAccount(caller)
                ? calls.consultedCall(caller).map(call -> call.lane).orElse(callId) : callId;
        lanes.execute(lane, () -> answer(event, transaction, lane));
    }

    /**
     * 503 with Retry-After and a Warning saying why: the caller (or its proxy) should try again later or elsewhere
     * (RFC 3261 §21.5.4); counted in the log without a line per call.
     */
    private void refuseForLoad(ServerTransaction transaction, Request request, String dialed, String reason) {
        refusals.refused(dialed, reason, System.nanoTime());
        Response busy = messages.response(Response.SERVICE_UNAVAILABLE, request);
        try {
            busy.addHeader(messages.headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        sip.respond(transaction, sip.warning(busy, reason));
    }

    private void answer(RequestEvent event, ServerTransaction transaction, String lane) {
        Request request = event.getRequest();
        if (calls.count() >= maxCalls) {
            refuseForLoad(transaction, request, user(request), maxCalls + " calls in progress, the configured maximum");
            return;
        }
        String source = Registrar.source(event);
        boolean authenticated = false;
        if (!callerSources.test(source)) {
            // Not a known caller address (trunk or configured network): only phones that pass digest may call.
            Response refusal = registrar.authenticate(request, source, System.currentTimeMillis());
            if (refusal != null) {
                sip.respond(transaction, refusal);
                return;
            }
            authenticated = true;
        }
        String dialed = outside.dialedNumber(request);
        boolean entryPoint = dialed != null && flows.entryPoints().containsKey(dialed);
        Optional<Registrations.Binding> extension = entryPoint || dialed == null ? Optional.empty()
                : registrations.find(dialed, System.currentTimeMillis());
        if (!entryPoint && extension.isEmpty() && dialed != null && registrar.hasAccount(dialed)) {
            sip.respond(transaction, sip.warning(messages.response(Response.TEMPORARILY_UNAVAILABLE, request),
                    "extension " + dialed + " has no phone registered"));
            return;
        }
        boolean outside = !entryPoint && extension.isEmpty() && this.outside.dialsOut(dialed);
        if (!entryPoint && extension.isEmpty() && !outside) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request), dialed == null
                    ? "no user part" : "'" + dialed + "' is no entry point, extension or number to dial out"));
            return;
        }
        if (outside && !authenticated) {
            // Calls that cost money go out for phones that prove who they are, whatever network they call from.
            Response refusal = registrar.authenticate(request, source, System.currentTimeMillis());
            if (refusal != null) {
                sip.respond(transaction, refusal);
                return;
            }
        }
        SessionTimers.Agreement session;
        try {
            session = SessionTimers.negotiate(request);
        } catch (SessionTimers.IntervalTooSmall e) {
            sip.respond(transaction, sessions.intervalTooSmall(request));
            return;
        }
        SessionOffer offer = null;
        if (!body(request).isBlank()) {
            offer = sip.offerOrRefuse(request, transaction);
            if (offer == null) {
                return;
            }
        }
        MediaLeg callerMedia;
        try {
            callerMedia = media.open();
        } catch (MediaUnavailableException e) {
            refuseForLoad(transaction, request, dialed, e.getMessage());
            return;
        }
        String caller = user(request);
        VoiceCall call = new VoiceCall(UUID.randomUUID().toString(), lane, callId(request), caller, dialed, callerMedia,
                transaction, Instant.now());
        callerMedia.onDigit(digit -> onLane(call, () -> key(call, digit)));
        call.callerOffer = offer;
        call.session = session;
        call.refreshByUpdate = SessionTimers.allows(request, Request.UPDATE);
        calls.addLeg(call.callerCallId, call);
        calls.add(call);
        try {
            call.callerDialog = provider.getNewDialog(transaction);
        } catch (SipException e) {
            LOG.error("Call {} could not be answered", call.id, e);
            finish(call);
            return;
        }
        if (extension.isPresent() || outside) {
            call.internal = true;
            LOG.debug("Call {} from {} to {} {}", call.id, caller, outside ? "number" : "extension", dialed);
            if (outside) {
                legs.dialOutside(call, dialed);
            } else {
                legs.ringPhone(call, null, dialed, extension.get().contact());
            }
            return;
        }
        if (!answerCaller(call)) {
            return;
        }
        LOG.debug("Call {} from {} to {} answered", call.id, caller, dialed);
        if (!flows.start(new SipCallSession(call, this))) {
            LOG.info("Call {}: entry point {} went away meanwhile; hanging up", call.id, dialed);
            hangUpFromFlow(call);
        }
    }

    /** A response to the caller's INVITE carries the tag an earlier one (180) gave the dialog. */
    static Response inCallerDialog(VoiceCall call, Response response) {
        String tag = call.callerDialog == null ? null : call.callerDialog.getLocalTag();
        if (tag != null) {
            try {
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(tag);
            } catch (ParseException e) {
                throw new IllegalStateException("a tag of our own is always valid", e);
            }
        }
        return response;
    }

    /** Sends the caller our 200: the answer to their offer, or our offer when they made none. False if it failed. */
    private boolean answerCaller(VoiceCall call) {
        Request request = call.callerInvite.getRequest();
        SessionOffer offer = call.callerOffer;
        Response ok;
        if (offer != null) {
            call.callerMedia.connect(offer.address(), offer.codec(), offer.telephoneEventType());
            ok = sip.answerWith(request, call.callerMedia, offer);
        } else {
            ok = messages.response(Response.OK, request);
            ok.addHeader(messages.contact("switchboard", transport(request)));
            // No offer in the INVITE: ours goes in the 200, the caller's answer comes with the ACK (RFC 3261 §13.2.1).
            call.awaitingAnswer = true;
            messages.body(ok, "application/sdp", Sdp.offer(call.callerMedia.local()));
        }
        if (call.session != null) {
            SessionTimers.agree(ok, call.session, messages.headers);
        }
        try {
            call.callerInvite.sendResponse(inCallerDialog(call, ok));
            sessions.arm(call);
            return true;
        } catch (SipException | InvalidArgumentException e) {
            LOG.error("Call {} could not be answered", call.id, e);
            finish(call);
            return false;
        }
    }

    // ---- what flows ask of a call (on its lane) -------------------------------------------------------------

    void onLane(VoiceCall call, Runnable task) {
        lanes.execute(call.lane, () -> {
            if (call.state() != VoiceCall.State.ENDED) {
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
            if (call.state() == VoiceCall.State.QUEUED && call.callbackKey != null
                    && call.callbackKey.charAt(0) == Character.toUpperCase(key)) {
                acceptCallback(call);
            } else {
                LOG.debug("Call {}: key {} pressed with nothing asking for it", call.id, key);
            }
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
        enqueue(call, interaction, announceEvery, language, null);
    }

    /** Queues the call; offered straight to {@code agent} when given and able to take it (a transfer to them). */
    void enqueue(VoiceCall call, Interaction interaction, Duration announceEvery, String language, String agent) {
        call.queue = interaction.queue();
        call.language = language;
        boolean queued = agent == null ? acd.submit(interaction) : acd.submitTo(interaction, agent);
        if (!queued) {
            LOG.info("Call {} from {}: queue {} does not take it now; hanging up", call.id, call.caller, call.queue);
            hangUpFromFlow(call);
            return;
        }
        call.to(VoiceCall.State.QUEUED);
        playHoldMusic(call);
        LOG.debug("Call {} from {} waiting in queue {}", call.id, call.caller, call.queue);
        if (!announceEvery.isZero()) {
            announcements.schedule(call, announceEvery, language);
        }
    }

    void hangUpFromFlow(VoiceCall call) {
        end(call, Teardown.Cause.APPLIANCE);
    }

    /** The folder calls are recorded under. */
    Path recordings() {
        return recordings;
    }

    /** Takes the caller's message for {@code mailbox} (a queue), then goes on with {@code then}. */
    void takeMessage(VoiceCall call, String prompt, String dialed, String mailbox, Duration maxLength, Runnable then) {
        new MessageTaker(call, this, dialed, mailbox, maxLength, voicemails, then).start(prompt);
    }

    /**
     * A flow puts the caller through to an extension's phone or a number outside, ringing it at most
     * {@code ringFor}; the caller hears music meanwhile.
     */
    void transferFromFlow(VoiceCall call, String destination, Duration ringFor, Runnable unanswered) {
        legs.transferFromFlow(call, destination, ringFor, unanswered);
    }

    void playHoldMusic(VoiceCall call) {
        try {
            call.callerMedia.play(holdMusic, true);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: hold music '{}' cannot be played: {}", call.id, holdMusic, e.getMessage());
        }
    }

    /** A party hung up ({@code byCaller}: the caller): the other is let go, and distribution hears of it. */
    void hangUp(VoiceCall call, boolean byCaller) {
        if (call.state() != VoiceCall.State.ENDED) {
            LOG.debug("Call {}: {} hung up in {} after {}", call.id, byCaller ? "the caller" : "the agent leg",
                    call.state(), waited(call));
        }
        end(call, byCaller ? Teardown.Cause.CALLER_HUNG_UP : Teardown.Cause.AGENT_HUNG_UP);
    }

    /** Ends the call for {@code cause}, letting go of what it holds where it stands ({@link Teardown}). */
    void end(VoiceCall call, Teardown.Cause cause) {
        if (call.state() == VoiceCall.State.ENDED) {
            return;
        }
        Set<Teardown.Step> steps = Teardown.steps(call.state(), cause, call.distributed());
        call.history.note(cause + " in " + call.state() + ": " + steps, System.nanoTime());
        for (Teardown.Step step : steps) {
            switch (step) {
                case END_CALLER -> endCaller(call);
                case CANCEL_AGENT -> cancelAgent(call);
                case BYE_AGENT -> sip.sendBye(call.agentDialog);
                case CANCEL_CUSTOMER -> {
                    if (call.customerInvite != null) {
                        calls.cancelOnProvisional(call.callerCallId, call.customerInvite);
                        sip.sendCancel(call.customerInvite);
                    }
                }
                case LEAVE_PARKING -> parking.leave(call.parkedAt, call);
                case ABANDON -> ignoreConflict(() -> acd.abandon(call.id));
                case END_CONVERSATION -> ignoreConflict(() -> acd.end(call.id));
            }
        }
        finish(call);
    }

    /** The caller gets a BYE once answered (after their ACK), or a final answer while their INVITE is pending. */
    private void endCaller(VoiceCall call) {
        if (call.callerInvite != null && call.callerInvite.getState() == javax.sip.TransactionState.PROCEEDING) {
            sip.respond(call.callerInvite, inCallerDialog(call,
                    messages.response(Response.TEMPORARILY_UNAVAILABLE, call.callerInvite.getRequest())));
        } else {
            sip.byeCaller(call);
        }
    }

    // ---- distribution, and the answers of the agent leg -----------------------------------------------------

    /** Distribution's events about calls of ours: ring the agent offered the call, stop ringing one withdrawn. */
    void distribution(AcdEvent event) {
        if (event instanceof AcdEvent.Offered offered) {
            onCall(offered.interactionId(), event, call -> legs.ringAgent(call, offered.agent()));
            if (calls.byInteraction(offered.interactionId()) == null && calls.endedRecently(offered.interactionId())
                    && acd.interaction(offered.interactionId()).filter(view -> view.state() == InteractionState.OFFERED
                            && view.interaction().channel() == Channel.VOICE).isPresent()) {
                // Offered a call that has just ended: the agent is let go at once rather than rung for nothing.
                LOG.info("Call {} was offered to {} after it had ended; withdrawn", offered.interactionId(),
                        offered.agent());
                ignoreConflict(() -> acd.abandon(offered.interactionId()));
            }
        } else if (event instanceof AcdEvent.Declined declined) {
            onCall(declined.interactionId(), event, call -> legs.stopRinging(call, declined.agent()));
        } else if (event instanceof AcdEvent.Withdrawn withdrawn) {
            onCall(withdrawn.interactionId(), event, call -> legs.stopRinging(call, withdrawn.agent()));
        } else if (event instanceof AcdEvent.Dropped dropped) {
            onCall(dropped.interactionId(), event, call -> leaveTheLine(call, "dropped by a supervisor"));
        } else if (event instanceof AcdEvent.Overflowed overflowed
                && overflowed.action() == org.switchboard.api.acd.MaxWait.Action.CALLBACK) {
            onCall(overflowed.interactionId(), event, call -> goodbyeUntilCallback(call));
        } else if (event instanceof AcdEvent.Overflowed overflowed
                && overflowed.action() == org.switchboard.api.acd.MaxWait.Action.MESSAGE) {
            onCall(overflowed.interactionId(), event, this::messageAfterWaiting);
        }
    }

    private void onCall(String interactionId, AcdEvent event, Consumer<VoiceCall> action) {
        VoiceCall call = calls.byInteraction(interactionId);
        if (call != null) {
            onLane(call, () -> {
                call.history.note(event.getClass().getSimpleName(), System.nanoTime());
                action.accept(call);
            });
        }
    }

    void response(ResponseEvent event) {
        Response response = event.getResponse();
        VoiceCall call = calls.byLeg(callId(response));
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (Request.UPDATE.equals(cseq.getMethod()) && call != null) {
            onLane(call, () -> sessions.refreshAnswered(call, event, cseq.getSeqNumber()));
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
            monitoring.response(call, event, cseq);
            return;
        }
        if (Consultations.isConsulted(call, callId(response))) {
            consultations.response(call, event, cseq);
            return;
        }
        if (call.outbound && callId(response).equals(call.callerCallId)) {
            callbacks.customerResponse(call, event, cseq);
            return;
        }
        if (callId(response).equals(call.callerCallId)) {
            sessions.refreshAnswered(call, event, cseq); // the caller's leg is ours to answer: only a refresh is sent on it
            return;
        }
        boolean current = call.state() == VoiceCall.State.RINGING_AGENT && callId(response).equals(call.agentCallId);
        if (status < 200) {
            if (current) {
                call.agentProvisional = true;
                if (call.internal && status > 100 && !call.callerAlerted) {
                    // The callee's phone rings (or plays early media): the caller hears ringback.
                    call.callerAlerted = true;
                    sip.respond(call.callerInvite, inCallerDialog(call,
                            messages.response(Response.RINGING, call.callerInvite.getRequest())));
                }
            }
            return;
        }
        if (current && call.externalNumber != null && !call.agentLegChallenged && !call.trunk.username().isEmpty()
                && (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)) {
            call.agentLegChallenged = true;
            try {
                ClientTransaction retry = authentication.handleChallenge(response, event.getClientTransaction(), provider, 5);
                call.agentInvite = retry;
                call.agentDialog = retry.getDialog() != null ? retry.getDialog() : provider.getNewDialog(retry);
                retry.sendRequest();
            } catch (SipException | RuntimeException e) {
                LOG.warn("Call {}: the trunk's challenge cannot be answered: {}", call.id, e.getMessage());
                String number = call.externalNumber;
                forgetAgentLeg(call);
                legs.outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            }
            return;
        }
        if (status >= 300) {
            if (current) {
                LOG.info("Call {}: {} answered {} {}", call.id, AgentLegs.calledParty(call), status, response.getReasonPhrase());
                legs.agentLegFailed(call, status);
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
            LOG.warn("Call {}: {} answered with unusable SDP: {}", call.id, AgentLegs.calledParty(call), e.getMessage());
            sip.sendBye(dialog);
            legs.agentLegFailed(call, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        call.agentMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        if (call.outbound) {
            callbacks.dialCustomer(call);
            return;
        }
        if (call.internal) {
            if (answerCaller(call)) {
                bridge(call);
                LOG.debug("Call {}: {} answered {}", call.id, call.externalNumber != null ? call.externalNumber
                        : "extension " + call.agentExtension, call.caller);
            } else {
                sip.sendBye(dialog);
            }
            return;
        }
        if (!call.distributed()) {
            call.transferUnanswered = null;
            bridge(call);
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
            forgetAgentLeg(call);
            call.to(VoiceCall.State.QUEUED);
            return;
        }
        bridge(call);
        LOG.debug("Call {}: agent {} answered; caller {} bridged after {} waiting", call.id, call.agent, call.caller,
                waited(call));
    }

    /** Customer and agent hear each other, recorded; the call is now a conversation. */
    void bridge(VoiceCall call) {
        call.callerMedia.stopPlaying();
        call.bridgedAt = Instant.now();
        call.recording = recordings.resolve(LocalDate.now(ZoneOffset.UTC).toString())
                .resolve(call.id + "-" + call.bridgedAt.toEpochMilli() + ".wav");
        try {
            call.bridge = media.bridge(call.callerMedia, call.agentMedia, call.recording);
        } catch (RuntimeException e) {
            LOG.error("Call {}: recording cannot be written ({}); bridged without it", call.id, e.getMessage());
            call.recording = null;
            call.bridge = media.bridge(call.callerMedia, call.agentMedia, null);
        }
        call.to(VoiceCall.State.TALKING);
    }

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
                legs.agentLegFailed(call, Response.REQUEST_TIMEOUT);
            } else if (call.state() == VoiceCall.State.DIALING_CUSTOMER && transaction == call.customerInvite) {
                callbacks.customerFailed(call, "no answer from the trunk");
            } else if (call.consult != null && transaction == call.consult.invite) {
                consultations.timeout(call);
            }
        });
    }

    /** The caller pressed the callback key: the call becomes a callback that keeps its place, and ends. */
    private void acceptCallback(VoiceCall call) {
        try {
            acd.requestCallback(call.id, null);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: callback not possible now: {}", call.id, e.getMessage());
            return;
        }
        LOG.info("Call {}: caller {} chose to be called back; their place is kept", call.id, call.caller);
        goodbyeUntilCallback(call);
    }

    /** The call is now a callback in distribution: the caller hears so, and the line is released. */
    private void goodbyeUntilCallback(VoiceCall call) {
        call.to(VoiceCall.State.FLOW); // out of the queue: no more announcements, nothing to abandon
        play(call, call.language + "/callback-confirm", () -> {
            sip.byeCaller(call);
            finish(call);
        });
    }

    /** The caller waited the queue's longest: out of the queue, they may leave a message in its mailbox. */
    private void messageAfterWaiting(VoiceCall call) {
        LOG.info("Call {} waited queue {}'s longest; the caller may leave a message", call.id, call.queue);
        if (call.state() == VoiceCall.State.RINGING_AGENT) {
            cancelAgent(call);
        }
        call.to(VoiceCall.State.FLOW); // out of the queue: no more announcements, nothing to abandon
        call.callerMedia.stopPlaying();
        takeMessage(call, call.language + "/leave-message", call.dialed, call.queue, MESSAGE_AFTER_WAITING,
                () -> hangUpFromFlow(call));
    }

    private void leaveTheLine(VoiceCall call, String why) {
        LOG.info("Call {} leaves the line: {}", call.id, why);
        end(call, Teardown.Cause.APPLIANCE);
    }

    /** Ends every call (the endpoint is stopping): both parties get a BYE. */
    void hangUpAll() {
        for (VoiceCall call : calls.all()) {
            lanes.execute(call.lane, () -> end(call, Teardown.Cause.APPLIANCE));
        }
    }

    // ---- calls we place (callbacks) ------------------------------------------------------------------------

    /** An accepted callback: see {@link Callbacks}. */
    void placeCallback(Interaction callback, String agent, Trunk trunk) {
        callbacks.place(callback, agent, trunk);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    void cancelAgent(VoiceCall call) {
        ClientTransaction invite = call.agentInvite;
        if (invite != null) {
            if (call.agentProvisional) {
                sip.sendCancel(invite);
            } else {
                // CANCEL may only follow a provisional response (RFC 3261 §9.1): sent when one arrives.
                calls.cancelOnProvisional(call.agentCallId, invite);
            }
        }
        forgetAgentLeg(call);
    }

    /** Drops the agent leg; a response still arriving for it finds no call and is ended by {@link #response}. */
    void forgetAgentLeg(VoiceCall call) {
        if (call.agentCallId != null) {
            calls.removeLeg(call.agentCallId);
        }
        call.clearAgent();
    }

    void finish(VoiceCall call) {
        // One line a call at INFO: its steps are at DEBUG, and a call in distribution has them in its history too.
        LOG.info("Call {} from {} to {} ended after {} ms{}", call.id, call.caller, call.dialed,
                Duration.between(call.startedAt, Instant.now()).toMillis(),
                call.agent == null ? "" : ", last with agent " + call.agent);
        call.to(VoiceCall.State.ENDED);
        monitoring.end(call, true);
        consultations.release(call);
        closeBridge(call);
        call.callerMedia.close();
        forgetAgentLeg(call);
        forget(call);
    }

    /** The conversation's bridge ends; what it recorded is listed, under the agent who was in it. */
    void closeBridge(VoiceCall call) {
        if (call.bridge != null) {
            call.bridge.close();
            call.bridge = null;
        }
        if (call.recording != null && call.bridgedAt != null) {
            LOG.debug("Call {} recorded to {}", call.id, call.recording);
            recorded.accept(new Recording(call.id + "-" + call.bridgedAt.toEpochMilli(), call.id, call.agent,
                    call.caller, call.dialed, call.bridgedAt, Instant.now(), call.recording.toString()));
        }
        call.recording = null;
        call.bridgedAt = null;
    }

    private void forget(VoiceCall call) {
        if (call.callerCallId != null) {
            calls.removeLeg(call.callerCallId);
        }
        // Only this call's entry: a callback placed for the same interaction may already have its own.
        calls.removeInteraction(call);
        if (call.state() != VoiceCall.State.ENDED) {
            call.callerMedia.close();
            call.to(VoiceCall.State.ENDED);
        }
    }

    static void ignoreConflict(Runnable command) {
        try {
            command.run();
        } catch (AcdConflictException e) {
            LOG.debug("Distribution had moved on: {}", e.getMessage());
        }
    }

    private static String waited(VoiceCall call) {
        return java.time.Duration.between(call.startedAt, Instant.now()).toMillis() + " ms";
    }
}
