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

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;
import static org.switchboard.sip.internal.Signalling.transport;
import static org.switchboard.sip.internal.Signalling.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdEvent;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.media.MonitorMode;
import org.switchboard.api.voice.CallControl;
import org.switchboard.api.voice.CallControlException;
import org.switchboard.api.voice.CallView;
import org.switchboard.api.voice.TransferTarget;
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
final class B2bua implements CallControl {

    private static final Logger LOG = LoggerFactory.getLogger(B2bua.class);
    /** How long a phone called directly, or an external number, rings before the attempt is given up. */
    private static final Duration RING = Duration.ofSeconds(30);
    /** The longest message a caller who waited a queue's longest may leave. */
    private static final Duration MESSAGE_AFTER_WAITING = Duration.ofMinutes(2);
    /** What may be dialed through the trunk: a telephone number. */
    private static final Pattern EXTERNAL_NUMBER = Pattern.compile("\\+?[0-9]{2,32}");
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
    private final String pickupPrefix;
    private final java.util.function.Consumer<Recording> recorded;
    private final gov.nist.javax.sip.clientauthutils.AuthenticationHelper authentication;
    private final ParkingLot parking;
    private final java.util.function.Predicate<String> callerSources;
    private final Registrar registrar;
    private final Signalling sip;
    /** The trunks configured now; external numbers are dialed through the first. */
    private final java.util.function.Supplier<List<Trunk>> trunks;
    /** Where the messages callers leave are kept. */
    private final Consumer<Voicemail> voicemails;
    private final Map<String, VoiceCall> bySipCallId = new ConcurrentHashMap<>();
    private final Map<String, VoiceCall> byInteraction = new ConcurrentHashMap<>();
    private final Map<String, ClientTransaction> cancelOnProvisional = new ConcurrentHashMap<>();

    B2bua(SipProvider provider, SipMessages messages, MediaService media, AcdService acd,
            Registrations registrations, FlowService flows, ScheduledExecutorService timers, KeyedExecutor lanes,
            CallSettings settings, java.util.function.Consumer<Recording> recorded,
            gov.nist.javax.sip.clientauthutils.AuthenticationHelper authentication, ParkingLot parking,
            Registrar registrar, java.util.function.Predicate<String> callerSources,
            java.util.function.Supplier<List<Trunk>> trunks, Consumer<Voicemail> voicemails) {
        this.provider = provider;
        this.messages = messages;
        this.media = media;
        this.acd = acd;
        this.registrations = registrations;
        this.flows = flows;
        this.timers = timers;
        this.lanes = lanes;
        this.maxCalls = settings.maxCalls();
        this.holdMusic = settings.holdMusic();
        this.recordings = settings.recordings();
        this.pickupPrefix = settings.pickupPrefix();
        this.recorded = recorded;
        this.authentication = authentication;
        this.parking = parking;
        this.callerSources = callerSources;
        this.registrar = registrar;
        this.sip = new Signalling(provider, messages);
        this.trunks = trunks;
        this.voicemails = voicemails;
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
            ServerTransaction transaction = sip.serverTransaction(event);
            if (transaction != null) {
                lanes.execute(existing != null ? existing.lane : callId, () -> reInvite(existing, event, transaction));
            }
            return;
        }
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        String dialed = dialedNumber(request);
        VoiceCall parked = parking.at(dialed);
        if (parked != null) {
            lanes.execute(parked.lane, () -> retrieveFromPark(parked, event, transaction));
            return;
        }
        if (dialed != null && dialed.startsWith(pickupPrefix) && dialed.length() > pickupPrefix.length()) {
            String ringing = dialed.substring(pickupPrefix.length());
            Optional<VoiceCall> call = ringingAt(ringing);
            if (call.isEmpty()) {
                sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request),
                        "no call rings at extension " + ringing));
            } else {
                lanes.execute(call.get().lane, () -> pickUpFromPhone(call.get(), event, transaction));
            }
            return;
        }
        // A phone in conversation that calls another extension consults about its call: both run on one lane, so
        // that a transfer joining them (REFER with Replaces) sees both at once.
        String lane = consultedCall(user(request)).map(call -> call.lane).orElse(callId);
        lanes.execute(lane, () -> answer(event, transaction, lane));
    }

    private Optional<Trunk> outboundTrunk() {
        return trunks.get().stream().findFirst();
    }

    /**
     * The number a caller dialed: the Request-URI's user, except for a call from a trunk we register with, which
     * sends it to our registered contact and names the number dialed in To.
     */
    private String dialedNumber(Request request) {
        String user = SipMessages.user(request.getRequestURI());
        String to = SipMessages.user(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        for (Trunk trunk : trunks.get()) {
            if (trunk.register() && trunk.username().equals(user) && to != null) {
                return to;
            }
        }
        return user;
    }

    /** Whether {@code dialed} is a number to dial through the trunk: there is one, and it is no extension. */
    private boolean dialsOut(String dialed) {
        return dialed != null && EXTERNAL_NUMBER.matcher(dialed).matches() && !registrar.hasAccount(dialed)
                && outboundTrunk().isPresent();
    }

    /** Whether distribution knows the call: not one between a phone and a party it dialed, nor transferred out. */
    private static boolean distributed(VoiceCall call) {
        return !call.internal && !call.outsideDistribution;
    }

    /** The call of distribution ringing at the phone at {@code extension}, if any. */
    private Optional<VoiceCall> ringingAt(String extension) {
        for (VoiceCall call : byInteraction.values()) {
            if (extension.equals(call.agentExtension) && call.state == VoiceCall.State.RINGING_AGENT
                    && distributed(call) && !call.outbound) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    /**
     * A phone dialed the pickup code and an extension where a call rings: once it proves who it is, distribution
     * moves the offer to the agent signed in at that phone, and the phone's INVITE is answered with the call.
     */
    private void pickUpFromPhone(VoiceCall call, RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        Response refusal = registrar.authenticate(request, Registrar.source(event), System.currentTimeMillis());
        if (refusal != null) {
            sip.respond(transaction, refusal);
            return;
        }
        if (call.state != VoiceCall.State.RINGING_AGENT || call.pickup != null) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request),
                    "the call no longer rings there"));
            return;
        }
        String extension = user(request);
        Optional<AgentView> picker = acd.agents().stream().filter(agent -> extension.equals(agent.extension())).findFirst();
        if (picker.isEmpty()) {
            sip.respond(transaction, sip.warning(messages.response(Response.FORBIDDEN, request),
                    "no agent is signed in at extension " + extension));
            return;
        }
        if (body(request).isBlank()) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_ACCEPTABLE_HERE, request),
                    "a pickup needs an SDP offer in the INVITE"));
            return;
        }
        SessionOffer offer = offerOrRefuse(request, transaction);
        if (offer == null) {
            return;
        }
        VoiceCall.Pickup pickup = new VoiceCall.Pickup(transaction, offer, extension, picker.get().login(),
                callId(request));
        call.pickup = pickup;
        try {
            // Distribution withdraws the offer (the ringing phone stops) and offers it to the picker (answered below).
            acd.redirect(call.id, call.agent, pickup.agent());
        } catch (AcdConflictException e) {
            call.pickup = null;
            sip.respond(transaction, sip.warning(messages.response(Response.TEMPORARILY_UNAVAILABLE, request),
                    e.getMessage()));
            return;
        }
        LOG.info("Call {}: the phone at {} picks it up from {}", call.id, extension, call.agent);
        timers.schedule(() -> onLane(call, () -> {
            if (call.pickup == pickup) {
                call.pickup = null;
                sip.respond(transaction, messages.response(Response.TEMPORARILY_UNAVAILABLE, request));
            }
        }), 5, TimeUnit.SECONDS);
    }

    /** Distribution offered the call to the agent whose phone asked to pick it up: that INVITE is answered. */
    private void answerPickup(VoiceCall call) {
        VoiceCall.Pickup pickup = call.pickup;
        call.pickup = null;
        Request request = pickup.transaction().getRequest();
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (MediaUnavailableException e) {
            sip.respond(pickup.transaction(), messages.response(Response.SERVICE_UNAVAILABLE, request));
            call.state = VoiceCall.State.QUEUED;
            ignoreConflict(() -> acd.decline(call.id, pickup.agent()));
            return;
        }
        try {
            Dialog dialog = provider.getNewDialog(pickup.transaction());
            leg.connect(pickup.offer().address(), pickup.offer().codec(), pickup.offer().telephoneEventType());
            pickup.transaction().sendResponse(answerWith(request, leg, pickup.offer()));
            call.agentDialog = dialog;
        } catch (SipException | InvalidArgumentException e) {
            leg.close();
            LOG.warn("Call {}: the phone at {} could not pick it up: {}", call.id, pickup.extension(), e.toString());
            call.state = VoiceCall.State.QUEUED;
            ignoreConflict(() -> acd.decline(call.id, pickup.agent()));
            return;
        }
        call.agent = pickup.agent();
        call.agentExtension = pickup.extension();
        call.agentMedia = leg;
        call.agentCallId = pickup.callId();
        bySipCallId.put(call.agentCallId, call);
        try {
            acd.accept(call.id, call.agent);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: picked up after the offer had ended ({}); hanging up the phone", call.id, e.getMessage());
            sip.sendBye(call.agentDialog);
            forgetAgentLeg(call);
            call.state = VoiceCall.State.QUEUED;
            return;
        }
        bridge(call);
        LOG.info("Call {}: picked up by {} at {}", call.id, call.agent, call.agentExtension);
    }

    /** The call in conversation with the phone at {@code extension} as its agent, if any. */
    private Optional<VoiceCall> consultedCall(String extension) {
        for (VoiceCall call : byInteraction.values()) {
            if (extension.equals(call.agentExtension) && call.state == VoiceCall.State.TALKING && !call.internal) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    private void answer(RequestEvent event, ServerTransaction transaction, String lane) {
        Request request = event.getRequest();
        if (byInteraction.size() >= maxCalls) {
            LOG.warn("Call to {} refused: {} calls in progress, the configured maximum", user(request), maxCalls);
            Response busy = messages.response(Response.SERVICE_UNAVAILABLE, request);
            try {
                busy.addHeader(messages.headers.createRetryAfterHeader(5));
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
            sip.respond(transaction, busy);
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
        String dialed = dialedNumber(request);
        boolean entryPoint = dialed != null && flows.entryPoints().containsKey(dialed);
        Optional<Registrations.Binding> extension = entryPoint || dialed == null ? Optional.empty()
                : registrations.find(dialed, System.currentTimeMillis());
        if (!entryPoint && extension.isEmpty() && dialed != null && registrar.hasAccount(dialed)) {
            sip.respond(transaction, sip.warning(messages.response(Response.TEMPORARILY_UNAVAILABLE, request),
                    "extension " + dialed + " has no phone registered"));
            return;
        }
        boolean outside = !entryPoint && extension.isEmpty() && dialsOut(dialed);
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
            sip.respond(transaction, intervalTooSmall(request));
            return;
        }
        SessionOffer offer = null;
        if (!body(request).isBlank()) {
            offer = offerOrRefuse(request, transaction);
            if (offer == null) {
                return;
            }
        }
        MediaLeg callerMedia;
        try {
            callerMedia = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call to {} refused: {}", dialed, e.getMessage());
            sip.respond(transaction, messages.response(Response.SERVICE_UNAVAILABLE, request));
            return;
        }
        String caller = user(request);
        VoiceCall call = new VoiceCall(UUID.randomUUID().toString(), lane, callId(request), caller, dialed, callerMedia,
                transaction, Instant.now());
        callerMedia.onDigit(digit -> onLane(call, () -> key(call, digit)));
        call.callerOffer = offer;
        call.session = session;
        call.refreshByUpdate = SessionTimers.allows(request, Request.UPDATE);
        bySipCallId.put(call.callerCallId, call);
        byInteraction.put(call.id, call);
        try {
            call.callerDialog = provider.getNewDialog(transaction);
        } catch (SipException e) {
            LOG.error("Call {} could not be answered", call.id, e);
            finish(call);
            return;
        }
        if (extension.isPresent() || outside) {
            call.internal = true;
            LOG.info("Call {} from {} to {} {}", call.id, caller, outside ? "number" : "extension", dialed);
            if (outside) {
                dialOutside(call, dialed);
            } else {
                ringPhone(call, null, dialed, extension.get().contact());
            }
            return;
        }
        if (!answerCaller(call)) {
            return;
        }
        LOG.info("Call {} from {} to {} answered", call.id, caller, dialed);
        if (!flows.start(new SipCallSession(call, this))) {
            LOG.info("Call {}: entry point {} went away meanwhile; hanging up", call.id, dialed);
            hangUpFromFlow(call);
        }
    }

    /** A response to the caller's INVITE carries the tag an earlier one (180) gave the dialog. */
    private static Response inCallerDialog(VoiceCall call, Response response) {
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
            ok = answerWith(request, call.callerMedia, offer);
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
            armSessionTimer(call);
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
            if (call.state == VoiceCall.State.QUEUED && call.callbackKey != null
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
        call.queue = interaction.queue();
        call.language = language;
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
                if (call.callbackKey != null) {
                    prompts.add(language + "/callback-offer");
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
        sip.sendBye(call.callerDialog);
        if (call.state == VoiceCall.State.QUEUED) {
            ignoreConflict(() -> acd.abandon(call.id));
        }
        finish(call);
    }

    /** The folder calls are recorded under. */
    Path recordings() {
        return recordings;
    }

    /** Takes the caller's message for {@code mailbox} (a queue), then goes on with {@code then}. */
    void takeMessage(VoiceCall call, String prompt, String dialed, String mailbox, Duration maxLength, Runnable then) {
        new MessageTaker(call, this, dialed, mailbox, maxLength, voicemails, then).start(prompt);
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
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        boolean fromCaller = call.callerCallId.equals(callId(request));
        MediaLeg leg = fromCaller ? call.callerMedia : call.agentMedia;
        if (leg == null) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        SessionOffer offer = offerOrRefuse(request, transaction);
        if (offer == null) {
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
        Response ok = answerWith(request, leg, offer);
        if (fromCaller && !refreshedBy(call, request, ok, transaction)) {
            return;
        }
        sip.respond(transaction, ok);
        if (fromCaller) {
            armSessionTimer(call);
        }
    }

    /**
     * An UPDATE (RFC 3311) within a call: a session refresh, with or without a new offer. Answered 200 (with our
     * answer to an offer); the caller's session timer starts again.
     */
    void update(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        VoiceCall call = bySipCallId.get(callId(request));
        if (call == null) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        lanes.execute(call.lane, () -> {
            boolean fromCaller = call.callerCallId.equals(callId(request));
            MediaLeg leg = fromCaller ? call.callerMedia : call.agentMedia;
            if (call.state == VoiceCall.State.ENDED || leg == null) {
                sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                return;
            }
            Response ok = messages.response(Response.OK, request);
            if (!body(request).isBlank()) {
                SessionOffer offer = offerOrRefuse(request, transaction);
                if (offer == null) {
                    return;
                }
                leg.connect(offer.address(), offer.codec(), offer.telephoneEventType());
                ok = answerWith(request, leg, offer);
            }
            if (fromCaller && !refreshedBy(call, request, ok, transaction)) {
                return;
            }
            sip.respond(transaction, ok);
            if (fromCaller) {
                armSessionTimer(call);
            }
        });
    }

    /**
     * Takes a refresh from the caller (re-INVITE or UPDATE): the agreement it asks for goes into the 200. False
     * once it has been refused with 422 for too short an interval.
     */
    private boolean refreshedBy(VoiceCall call, Request request, Response ok, ServerTransaction transaction) {
        try {
            call.session = SessionTimers.negotiate(request);
        } catch (SessionTimers.IntervalTooSmall e) {
            sip.respond(transaction, intervalTooSmall(request));
            return false;
        }
        if (call.session != null) {
            SessionTimers.agree(ok, call.session, messages.headers);
        }
        return true;
    }

    private Response intervalTooSmall(Request request) {
        Response tooSmall = messages.response(SessionTimers.INTERVAL_TOO_SMALL, request);
        try {
            tooSmall.setReasonPhrase("Session Interval Too Small");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        SessionTimers.minimum(tooSmall, messages.headers);
        return tooSmall;
    }

    /**
     * Starts the caller's session timer again after a refresh: the caller refreshes before it runs out, or the
     * call ends as if they hung up; or the appliance refreshes halfway.
     */
    private void armSessionTimer(VoiceCall call) {
        SessionTimers.Agreement agreement = call.session;
        int generation = ++call.sessionGeneration;
        if (agreement == null) {
            return;
        }
        long delay = agreement.callerRefreshes() ? agreement.expirySeconds() : agreement.seconds() / 2;
        timers.schedule(() -> onLane(call, () -> {
            if (call.sessionGeneration != generation) {
                return;
            }
            if (agreement.callerRefreshes()) {
                LOG.info("Call {}: the caller did not refresh the session within {} s; it has expired", call.id,
                        agreement.seconds());
                sip.sendBye(call.callerDialog);
                hangUp(call, true);
            } else {
                refreshSession(call, agreement);
            }
        }), delay, TimeUnit.SECONDS);
    }

    /** The appliance refreshes the caller's session: UPDATE when the caller allows it, else a re-INVITE. */
    private void refreshSession(VoiceCall call, SessionTimers.Agreement agreement) {
        try {
            Request refresh = call.callerDialog.createRequest(call.refreshByUpdate ? Request.UPDATE : Request.INVITE);
            SessionTimers.refresh(refresh, agreement, messages.headers);
            if (!call.refreshByUpdate) {
                refresh.setHeader(messages.contact("switchboard", transport(call.callerInvite.getRequest())));
                messages.body(refresh, "application/sdp", Sdp.offer(call.callerMedia.local()));
            }
            call.callerDialog.sendRequest(provider.getNewClientTransaction(refresh));
            LOG.debug("Call {}: session refreshed by {}", call.id, refresh.getMethod());
        } catch (SipException e) {
            LOG.info("Call {}: the session cannot be refreshed ({}); the call ends", call.id, e.getMessage());
            sip.sendBye(call.callerDialog);
            hangUp(call, true);
        }
    }

    /** The caller answered our refresh: the timer starts again, or the call ends if the caller has lost it. */
    private void refreshAnswered(VoiceCall call, ResponseEvent event, long cseq) {
        int status = event.getResponse().getStatusCode();
        if (status < 200) {
            return;
        }
        if (status < 300) {
            if (Request.INVITE.equals(((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getMethod())) {
                sip.sendAck(event.getDialog(), cseq);
            }
            armSessionTimer(call);
        } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            LOG.info("Call {}: the caller no longer knows the call ({}); it ends", call.id, status);
            hangUp(call, true);
        } else {
            armSessionTimer(call); // e.g. 491: the next refresh comes in half the interval again
        }
    }

    /** The SDP offer of a request, or null once the request has been refused with 488 saying why. */
    private SessionOffer offerOrRefuse(Request request, ServerTransaction transaction) {
        try {
            return Sdp.read(body(request));
        } catch (SdpRejected e) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_ACCEPTABLE_HERE, request), e.getMessage()));
            return null;
        }
    }

    /** 200 OK to an offer: our contact, and the answer of {@code leg} with the mirrored direction. */
    private Response answerWith(Request request, MediaLeg leg, SessionOffer offer) {
        Response ok = messages.response(Response.OK, request);
        ok.addHeader(messages.contact("switchboard", transport(request)));
        messages.body(ok, "application/sdp", Sdp.answer(leg.local(), offer, offer.direction().answer()));
        return ok;
    }

    void bye(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = sip.serverTransaction(event);
        VoiceCall call = bySipCallId.get(callId(request));
        if (transaction == null) {
            return;
        }
        if (call == null) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        lanes.execute(call.lane, () -> {
            sip.respond(transaction, messages.response(Response.OK, request));
            if (callId(request).equals(call.supervisorCallId)) {
                LOG.info("Call {}: supervisor at {} left", call.id, call.supervisorExtension);
                endMonitoring(call, false);
                return;
            }
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
            case PARKED -> {
                LOG.info("Call {}: caller hung up while parked at {}", call.id, call.parkedAt);
                parking.leave(call.parkedAt, call);
            }
            case DIALING_CUSTOMER -> {
                LOG.info("Callback {}: agent {} hung up while {} was dialed", call.id, call.agent, call.customerNumber);
                if (call.customerInvite != null) {
                    cancelOnProvisional.put(call.callerCallId, call.customerInvite);
                    sip.sendCancel(call.customerInvite);
                }
                ignoreConflict(() -> acd.end(call.id));
            }
            case RINGING_AGENT -> {
                LOG.info("Call {}: caller hung up while {} was rung", call.id,
                        call.internal ? "extension " + call.agentExtension : "agent " + call.agent);
                cancelAgent(call);
                if (distributed(call)) {
                    ignoreConflict(() -> acd.abandon(call.id));
                }
            }
            case TALKING -> {
                LOG.info("Call {}: {} hung up", call.id, byCaller ? "caller" : "agent " + call.agent);
                sip.sendBye(byCaller ? call.agentDialog : call.callerDialog);
                if (distributed(call)) {
                    ignoreConflict(() -> acd.end(call.id));
                }
            }
            case ENDED -> {
                return;
            }
        }
        finish(call);
    }

    void cancel(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        sip.respond(transaction, messages.response(Response.OK, request));
        VoiceCall call = bySipCallId.get(callId(request));
        if (call == null) {
            return;
        }
        lanes.execute(call.lane, () -> {
            if (call.callerInvite != null && call.callerInvite.getState() == TransactionState.PROCEEDING) {
                sip.respond(call.callerInvite, inCallerDialog(call,
                        messages.response(Response.REQUEST_TERMINATED, call.callerInvite.getRequest())));
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
        lanes.execute(call.lane, () -> {
            if (!call.awaitingAnswer || call.state == VoiceCall.State.ENDED) {
                return;
            }
            call.awaitingAnswer = false;
            try {
                SessionOffer answer = Sdp.read(body(request));
                call.callerMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
            } catch (SdpRejected e) {
                LOG.info("Call {}: the caller's ACK has no usable answer ({}); hanging up", call.id, e.getMessage());
                sip.sendBye(call.callerDialog);
                hangUp(call, true);
            }
        });
    }

    /** DTMF sent in signalling (SIP INFO, application/dtmf-relay) rather than as RFC 4733 events. */
    void info(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        VoiceCall call = bySipCallId.get(callId(request));
        if (call == null) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        Matcher signal = DTMF_RELAY.matcher(body(request));
        sip.respond(transaction, messages.response(Response.OK, request));
        if (signal.find() && call.callerCallId.equals(callId(request))) {
            char digit = Character.toUpperCase(signal.group(1).charAt(0));
            lanes.execute(call.lane, () -> call.callerMedia.digit(digit));
        }
    }

    /**
     * A transfer from the agent's phone (REFER, RFC 3515). Blind: the Refer-To user is an agent's extension, an
     * entry point, a queue or the park extension. Attended (a Replaces header in Refer-To, RFC 5589): the phone's
     * consultation with another extension and its call with the customer are joined. Answered 202, then a NOTIFY
     * with the outcome; the agent's legs are ended.
     */
    void refer(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return;
        }
        VoiceCall call = bySipCallId.get(callId(request));
        if (call == null) {
            sip.respond(transaction, messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        javax.sip.header.ReferToHeader referTo = (javax.sip.header.ReferToHeader) request.getHeader(
                javax.sip.header.ReferToHeader.NAME);
        String target = referTo == null ? null : SipMessages.user(referTo.getAddress().getURI());
        if (target == null) {
            sip.respond(transaction, sip.warning(messages.response(Response.BAD_REQUEST, request), "Refer-To names no user"));
            return;
        }
        String replacing = referTo.getAddress().getURI() instanceof SipURI uri ? uri.getHeader("Replaces") : null;
        if (replacing != null) {
            Optional<Replaces> replaces = Replaces.parse(replacing);
            if (replaces.isEmpty()) {
                sip.respond(transaction, sip.warning(messages.response(Response.BAD_REQUEST, request),
                        "the Replaces header of Refer-To names no dialog (Call-ID, to-tag and from-tag)"));
                return;
            }
            Dialog dialog = event.getDialog();
            lanes.execute(call.lane, () -> attendedTransfer(call, request, transaction, dialog, replaces.get()));
            return;
        }
        if (!callId(request).equals(call.agentCallId) || call.internal) {
            sip.respond(transaction, sip.warning(messages.response(Response.FORBIDDEN, request),
                    "only the agent's phone in a customer's call can transfer it"));
            return;
        }
        Dialog dialog = event.getDialog();
        lanes.execute(call.lane, () -> {
            if (parking.isParkExtension(target)) {
                sip.respond(transaction, messages.response(Response.ACCEPTED, request));
                try {
                    sip.notifyTransfer(dialog, "SIP/2.0 200 OK");
                    parkOnLane(call);
                } catch (CallControlException e) {
                    LOG.info("Call {}: parking refused: {}", call.id, e.getMessage());
                }
                return;
            }
            TransferTarget destination = destination(target);
            if (destination == null) {
                sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request),
                        "'" + target + "' is no agent's extension, entry point, queue or number to dial out"));
                return;
            }
            sip.respond(transaction, messages.response(Response.ACCEPTED, request));
            try {
                checkTarget(destination);
                // Told before the agent's leg ends with the transfer, while the dialog can still carry it.
                sip.notifyTransfer(dialog, "SIP/2.0 200 OK");
                transferOnLane(call, destination);
            } catch (CallControlException e) {
                LOG.info("Call {}: transfer to {} refused: {}", call.id, target, e.getMessage());
                sip.notifyTransfer(dialog, "SIP/2.0 480 Temporarily Unavailable");
            }
        });
    }

    /**
     * Joins the customer of one call with the party the agent consulted in another: the REFER came on one of the
     * agent phone's two dialogs and its Replaces names the other. Both calls share a lane (see {@link #invite}).
     */
    private void attendedTransfer(VoiceCall referring, Request request, ServerTransaction transaction, Dialog dialog,
            Replaces replaces) {
        VoiceCall replaced = bySipCallId.get(replaces.callId());
        if (replaced == null || replaced == referring || replaced.state != VoiceCall.State.TALKING
                || referring.state != VoiceCall.State.TALKING) {
            sip.respond(transaction, sip.warning(messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request),
                    "Replaces names no other call in conversation"));
            return;
        }
        Dialog named = replaces.callId().equals(replaced.agentCallId) ? replaced.agentDialog : replaced.callerDialog;
        if (named == null || !replaces.toTag().equals(named.getLocalTag())
                || !replaces.fromTag().equals(named.getRemoteTag())) {
            sip.respond(transaction, sip.warning(messages.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request),
                    "the tags of Replaces match no dialog of call " + replaces.callId()));
            return;
        }
        VoiceCall customer = referring.internal ? replaced : referring;
        VoiceCall consultation = referring.internal ? referring : replaced;
        String agentLegOfCustomer = referring.internal ? replaces.callId() : callId(request);
        if (!replaced.lane.equals(referring.lane) || customer.internal || !consultation.internal
                || !agentLegOfCustomer.equals(customer.agentCallId)) {
            sip.respond(transaction, sip.warning(messages.response(Response.FORBIDDEN, request),
                    "only an agent's call with a customer and a call the agent's phone placed during it can be joined"));
            return;
        }
        sip.respond(transaction, messages.response(Response.ACCEPTED, request));
        // Told before the transferor's legs end with the transfer, while the dialog can still carry it.
        sip.notifyTransfer(dialog, "SIP/2.0 200 OK");
        join(customer, consultation, referring.internal ? callId(request) : replaces.callId());
    }

    /** The consulted party's leg replaces the agent's leg of the customer's call; the agent's two legs end. */
    private void join(VoiceCall customer, VoiceCall consultation, String transferorCallId) {
        boolean transferorCalled = transferorCallId.equals(consultation.callerCallId);
        Dialog consultedDialog = transferorCalled ? consultation.agentDialog : consultation.callerDialog;
        String consultedCallId = transferorCalled ? consultation.agentCallId : consultation.callerCallId;
        MediaLeg consultedMedia = transferorCalled ? consultation.agentMedia : consultation.callerMedia;
        String consultedExtension = transferorCalled ? consultation.agentExtension : consultation.caller;
        Dialog transferorDialog = transferorCalled ? consultation.callerDialog : consultation.agentDialog;
        MediaLeg transferorMedia = transferorCalled ? consultation.callerMedia : consultation.agentMedia;
        LOG.info("Call {}: agent {} joins the customer {} with {} (attended transfer)", customer.id, customer.agent,
                customer.caller, consultation.externalNumber != null ? consultation.externalNumber
                        : "extension " + consultedExtension);

        // The consultation ends, leaving the consulted party's leg as it is.
        closeBridge(consultation);
        consultation.state = VoiceCall.State.ENDED;
        byInteraction.remove(consultation.id, consultation);
        bySipCallId.remove(consultation.callerCallId, consultation);
        bySipCallId.remove(consultation.agentCallId, consultation);
        sip.sendBye(transferorDialog);
        transferorMedia.close();

        // The agent leaves the customer's call and wraps up; the consulted party takes the agent's place.
        endMonitoring(customer, true);
        closeBridge(customer);
        sip.sendBye(customer.agentDialog);
        ignoreConflict(() -> acd.end(customer.id));
        forgetAgentLeg(customer);
        customer.held = false;
        customer.agentDialog = consultedDialog;
        customer.agentCallId = consultedCallId;
        customer.agentMedia = consultedMedia;
        customer.agentExtension = consultedExtension;
        bySipCallId.put(consultedCallId, customer);
        if (consultation.externalNumber != null) {
            // The agent consulted someone outside: the customer now talks with them, outside distribution.
            customer.externalNumber = consultation.externalNumber;
            customer.outsideDistribution = true;
            customer.trunk = consultation.trunk;
        } else {
            takeInDistribution(customer, consultedExtension);
        }
        bridge(customer);
    }

    /** An agent signed in at {@code user} as extension, else an entry point, a queue, a number; null for none. */
    private TransferTarget destination(String user) {
        for (AgentView agent : acd.agents()) {
            if (user.equals(agent.extension())) {
                return new TransferTarget(TransferTarget.Kind.AGENT, agent.login());
            }
        }
        if (flows.entryPoints().containsKey(user)) {
            return new TransferTarget(TransferTarget.Kind.ENTRY_POINT, user);
        }
        if (acd.queue(user).isPresent()) {
            return new TransferTarget(TransferTarget.Kind.QUEUE, user);
        }
        return dialsOut(user) ? new TransferTarget(TransferTarget.Kind.EXTERNAL, user) : null;
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
                && overflowed.action() == org.switchboard.api.acd.MaxWait.Action.CALLBACK) {
            onCall(overflowed.interactionId(), call -> goodbyeUntilCallback(call));
        } else if (event instanceof AcdEvent.Overflowed overflowed
                && overflowed.action() == org.switchboard.api.acd.MaxWait.Action.MESSAGE) {
            onCall(overflowed.interactionId(), this::messageAfterWaiting);
        }
    }

    private void onCall(String interactionId, java.util.function.Consumer<VoiceCall> action) {
        VoiceCall call = byInteraction.get(interactionId);
        if (call != null) {
            lanes.execute(call.lane, () -> {
                if (call.state != VoiceCall.State.ENDED) {
                    action.accept(call);
                }
            });
        }
    }

    private void ringAgent(VoiceCall call, String agent) {
        if (call.state != VoiceCall.State.QUEUED && !(call.outbound && call.state == VoiceCall.State.FLOW)) {
            return;
        }
        if (call.pickup != null && call.pickup.agent().equals(agent)) {
            answerPickup(call);
            return;
        }
        Optional<String> extension = acd.agent(agent).map(AgentView::extension);
        Optional<Registrations.Binding> phone = extension.flatMap(e -> registrations.find(e, System.currentTimeMillis()));
        if (phone.isEmpty()) {
            LOG.warn("Call {} for {}, whose phone ({}) is not registered", call.id, agent, extension.orElse("no extension"));
            ringingFailed(call, agent);
            return;
        }
        ringPhone(call, agent, extension.get(), phone.get().contact());
    }

    /** Rings the phone at {@code contact} as the call's agent leg ({@code agent} null for an extension called directly). */
    private void ringPhone(VoiceCall call, String agent, String extension, SipURI contact) {
        MediaLeg agentMedia;
        try {
            agentMedia = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call {} cannot ring {}: {}", call.id, extension, e.getMessage());
            ringingFailed(call, agent);
            return;
        }
        String transport = contact.getTransportParam() != null ? contact.getTransportParam() : "udp";
        try {
            Request invite = messages.invite(provider, contact, call.caller, null, extension, transport);
            messages.body(invite, "application/sdp", Sdp.offer(agentMedia.local()));
            ClientTransaction transaction = provider.getNewClientTransaction(invite);
            call.agent = agent;
            call.agentExtension = extension;
            call.agentMedia = agentMedia;
            call.agentInvite = transaction;
            call.agentDialog = provider.getNewDialog(transaction);
            call.agentCallId = callId(invite);
            call.state = VoiceCall.State.RINGING_AGENT;
            bySipCallId.put(call.agentCallId, call);
            transaction.sendRequest();
            LOG.info("Call {}: ringing {} at {}", call.id, agent == null ? "extension " + extension : "agent " + agent,
                    contact);
        } catch (SipException | RuntimeException e) {
            LOG.warn("Call {} cannot ring {} at {}: {}", call.id, extension, contact, e.toString());
            forgetAgentLeg(call);
            ringingFailed(call, agent);
            return;
        }
        if (call.internal || call.transferUnanswered != null) {
            giveUpRingingAfter(call, "extension " + extension);
        }
    }

    /**
     * Dials {@code number} through the trunk as the call's agent leg: a phone's call outside, or a customer
     * transferred out.
     */
    private void dialOutside(VoiceCall call, String number) {
        Optional<Trunk> trunk = outboundTrunk();
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Call {} cannot dial {}: {}", call.id, number, e.getMessage());
            outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            return;
        }
        if (trunk.isEmpty()) {
            leg.close();
            outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            return;
        }
        try {
            Request invite = trunkInvite(trunk.get(), number, leg);
            ClientTransaction transaction = provider.getNewClientTransaction(invite);
            call.trunk = trunk.get();
            call.externalNumber = number;
            call.agentMedia = leg;
            call.agentInvite = transaction;
            call.agentDialog = provider.getNewDialog(transaction);
            call.agentCallId = callId(invite);
            call.state = VoiceCall.State.RINGING_AGENT;
            bySipCallId.put(call.agentCallId, call);
            transaction.sendRequest();
            LOG.info("Call {}: dialing {} through trunk {}", call.id, number, trunk.get().name());
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.warn("Call {} cannot dial {}: {}", call.id, number, e.toString());
            forgetAgentLeg(call);
            leg.close();
            outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            return;
        }
        giveUpRingingAfter(call, number);
    }

    /** An INVITE to {@code number} through {@code trunk}, offering {@code leg}. */
    private Request trunkInvite(Trunk trunk, String number, MediaLeg leg) throws ParseException {
        SipURI target = messages.addresses.createSipURI(number, trunk.host() + ":" + trunk.port());
        if (!"udp".equalsIgnoreCase(trunk.transport())) {
            target.setTransportParam(trunk.transport());
        }
        String from = trunk.callerNumber().isEmpty() ? "switchboard" : trunk.callerNumber();
        Request invite = messages.invite(provider, target, from, null, number, trunk.transport());
        // As the provider knows us: our number at its domain.
        ((SipURI) ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI()).setHost(trunk.host());
        messages.body(invite, "application/sdp", Sdp.offer(leg.local()));
        return invite;
    }

    /** A phone called directly or a number dialed out that does not answer in time is given up. */
    private void giveUpRingingAfter(VoiceCall call, String called) {
        ClientTransaction ringing = call.agentInvite;
        Duration ringFor = call.ringFor != null ? call.ringFor : RING;
        timers.schedule(() -> onLane(call, () -> {
            if (call.state == VoiceCall.State.RINGING_AGENT && call.agentInvite == ringing) {
                LOG.info("Call {}: {} did not answer within {} s", call.id, called, ringFor.toSeconds());
                String number = call.externalNumber;
                cancelAgent(call);
                if (call.internal) {
                    extensionFailed(call, Response.TEMPORARILY_UNAVAILABLE);
                } else {
                    outsideFailed(call, number, Response.TEMPORARILY_UNAVAILABLE);
                }
            }
        }), ringFor.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A number dialed out was not reached: a phone that dialed it hears why; a customer transferred out goes back
     * to their queue as a new interaction (or is let go when they came from none).
     */
    private void outsideFailed(VoiceCall call, String number, int status) {
        if (call.internal) {
            extensionFailed(call, status);
            return;
        }
        if (flowGoesOn(call)) {
            return;
        }
        call.state = VoiceCall.State.FLOW;
        call.outsideDistribution = false;
        if (call.queue == null) {
            LOG.info("Call {}: transfer to {} failed ({}); the caller is let go", call.id, number, status);
            hangUpFromFlow(call);
            return;
        }
        LOG.info("Call {}: transfer to {} failed ({}); back to queue {}", call.id, number, status, call.queue);
        enqueue(call, new Interaction(call.id, Channel.VOICE, call.queue, 0, List.of(), call.dialed, call.caller,
                Map.of("transferFailed", number), Instant.now()), Duration.ZERO, call.language);
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
        if (Request.UPDATE.equals(cseq.getMethod()) && call != null) {
            lanes.execute(call.lane, () -> {
                if (call.state != VoiceCall.State.ENDED) {
                    refreshAnswered(call, event, cseq.getSeqNumber());
                }
            });
            return;
        }
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        if (call == null) {
            ClientTransaction toCancel = cancelOnProvisional.remove(callId(response));
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
            supervisorResponse(call, event, cseq);
            return;
        }
        if (call.outbound && callId(response).equals(call.callerCallId)) {
            customerResponse(call, event, cseq);
            return;
        }
        if (callId(response).equals(call.callerCallId)) {
            refreshAnswered(call, event, cseq); // the caller's leg is ours to answer: only a refresh is sent on it
            return;
        }
        boolean current = call.state == VoiceCall.State.RINGING_AGENT && callId(response).equals(call.agentCallId);
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
                outsideFailed(call, number, Response.SERVICE_UNAVAILABLE);
            }
            return;
        }
        if (status >= 300) {
            if (current) {
                LOG.info("Call {}: {} answered {} {}", call.id, calledParty(call), status, response.getReasonPhrase());
                agentLegFailed(call, status);
            }
            return;
        }
        Dialog dialog = event.getDialog();
        if (!current) {
            if (call.state == VoiceCall.State.TALKING && callId(response).equals(call.agentCallId)) {
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
            LOG.warn("Call {}: {} answered with unusable SDP: {}", call.id, calledParty(call), e.getMessage());
            sip.sendBye(dialog);
            agentLegFailed(call, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        call.agentMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        if (call.outbound) {
            dialCustomer(call);
            return;
        }
        if (call.internal) {
            if (answerCaller(call)) {
                bridge(call);
                LOG.info("Call {}: {} answered {}", call.id, call.externalNumber != null ? call.externalNumber
                        : "extension " + call.agentExtension, call.caller);
            } else {
                sip.sendBye(dialog);
            }
            return;
        }
        if (!distributed(call)) {
            call.transferUnanswered = null;
            bridge(call);
            LOG.info("Call {}: {} answered; the caller {} is bridged with them", call.id, calledParty(call),
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
            call.state = VoiceCall.State.QUEUED;
            return;
        }
        bridge(call);
        LOG.info("Call {}: agent {} answered; caller {} bridged after {} waiting", call.id, call.agent, call.caller,
                waited(call));
    }

    /** Customer and agent hear each other, recorded; the call is now a conversation. */
    private void bridge(VoiceCall call) {
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
        call.state = VoiceCall.State.TALKING;
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
        lanes.execute(call.lane, () -> {
            if (call.state == VoiceCall.State.RINGING_AGENT && transaction == call.agentInvite) {
                LOG.info("Call {}: {} did not answer the INVITE", call.id, calledParty(call));
                agentLegFailed(call, Response.REQUEST_TIMEOUT);
            } else if (call.state == VoiceCall.State.DIALING_CUSTOMER && transaction == call.customerInvite) {
                customerFailed(call, "no answer from the trunk");
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
        call.state = VoiceCall.State.FLOW; // out of the queue: no more announcements, nothing to abandon
        play(call, call.language + "/callback-confirm", () -> {
            sip.sendBye(call.callerDialog);
            finish(call);
        });
    }

    /** The caller waited the queue's longest: out of the queue, they may leave a message in its mailbox. */
    private void messageAfterWaiting(VoiceCall call) {
        LOG.info("Call {} waited queue {}'s longest; the caller may leave a message", call.id, call.queue);
        if (call.state == VoiceCall.State.RINGING_AGENT) {
            cancelAgent(call);
        }
        call.state = VoiceCall.State.FLOW; // out of the queue: no more announcements, nothing to abandon
        call.callerMedia.stopPlaying();
        takeMessage(call, call.language + "/leave-message", call.dialed, call.queue, MESSAGE_AFTER_WAITING,
                () -> hangUpFromFlow(call));
    }

    private void leaveTheLine(VoiceCall call, String why) {
        LOG.info("Call {} leaves the line: {}", call.id, why);
        if (call.state == VoiceCall.State.RINGING_AGENT) {
            cancelAgent(call);
        }
        sip.sendBye(call.callerDialog);
        finish(call);
    }

    /** Ends every call (the endpoint is stopping): both parties get a BYE. */
    void hangUpAll() {
        for (VoiceCall call : byInteraction.values()) {
            lanes.execute(call.lane, () -> {
                if (call.state == VoiceCall.State.TALKING) {
                    sip.sendBye(call.agentDialog);
                } else if (call.state == VoiceCall.State.RINGING_AGENT) {
                    cancelAgent(call);
                }
                if (call.state != VoiceCall.State.ENDED) {
                    sip.sendBye(call.callerDialog);
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

    // ---- calls we place (callbacks) ------------------------------------------------------------------------

    /**
     * An accepted callback: the agent's phone rings first; once the agent answers, the customer is dialed through
     * the trunk, and the two are bridged when the customer answers.
     */
    void placeCallback(Interaction callback, String agent, Trunk trunk) {
        MediaLeg customerMedia;
        try {
            customerMedia = media.open();
        } catch (MediaUnavailableException e) {
            LOG.warn("Callback {} to {} cannot be placed: {}", callback.id(), callback.customer(), e.getMessage());
            ignoreConflict(() -> acd.end(callback.id()));
            return;
        }
        VoiceCall call = new VoiceCall(callback.id(), callback.customer(), callback.entryPoint(), customerMedia);
        call.queue = callback.queue();
        call.trunk = trunk;
        byInteraction.put(call.id, call);
        LOG.info("Callback {} to {} for agent {} through trunk {}", call.id, call.customerNumber, agent, trunk.name());
        lanes.execute(call.lane, () -> ringAgent(call, agent));
    }

    /** A flow's transfer was not answered: the flow goes on at its fallback step. False when no flow waits. */
    private boolean flowGoesOn(VoiceCall call) {
        Runnable unanswered = call.transferUnanswered;
        if (unanswered == null) {
            return false;
        }
        LOG.info("Call {}: nobody answered the flow's transfer; the flow goes on", call.id);
        call.transferUnanswered = null;
        call.outsideDistribution = false;
        call.state = VoiceCall.State.FLOW;
        call.callerMedia.stopPlaying();
        unanswered.run();
        return true;
    }

    /**
     * A flow puts the caller through to an extension's phone or a number outside, ringing it at most
     * {@code ringFor}; the caller hears music meanwhile.
     */
    void transferFromFlow(VoiceCall call, String destination, Duration ringFor, Runnable unanswered) {
        Optional<Registrations.Binding> phone = registrations.find(destination, System.currentTimeMillis());
        if (phone.isEmpty() && !dialsOut(destination)) {
            LOG.info("Call {}: the flow's transfer to {} goes nowhere (no phone registered there, no trunk to dial"
                    + " it)", call.id, destination);
            unanswered.run();
            return;
        }
        call.transferUnanswered = unanswered;
        call.outsideDistribution = true;
        call.ringFor = ringFor;
        playHoldMusic(call);
        if (phone.isPresent()) {
            ringPhone(call, null, destination, phone.get().contact());
        } else {
            dialOutside(call, destination);
        }
    }

    /** Who the agent leg rings, for the log. */
    private static String calledParty(VoiceCall call) {
        if (call.externalNumber != null) {
            return call.externalNumber;
        }
        return call.agent != null ? "agent " + call.agent + "'s phone" : "extension " + call.agentExtension;
    }

    /** The agent leg being rung failed with {@code status}: what follows depends on what the call is. */
    private void agentLegFailed(VoiceCall call, int status) {
        String agent = call.agent;
        String number = call.externalNumber;
        forgetAgentLeg(call);
        if (number != null) {
            outsideFailed(call, number, status);
        } else if (call.internal) {
            extensionFailed(call, status);
        } else {
            ringingFailed(call, agent);
        }
    }

    /** An agent's phone could not be rung or did not answer: the offer is declined, or a callback is given up. */
    private void ringingFailed(VoiceCall call, String agent) {
        if (flowGoesOn(call)) {
            return;
        }
        if (call.internal) {
            extensionFailed(call, Response.TEMPORARILY_UNAVAILABLE);
        } else if (call.outbound) {
            LOG.info("Callback {}: agent {} could not be reached; the callback ends", call.id, agent);
            ignoreConflict(() -> acd.end(call.id));
            finish(call);
        } else {
            call.state = VoiceCall.State.QUEUED;
            ignoreConflict(() -> acd.decline(call.id, agent));
        }
    }

    /**
     * A phone called directly could not be reached: its caller gets the callee's refusal when it is one a caller
     * can act on (busy, declined, not found), else 480.
     */
    private void extensionFailed(VoiceCall call, int status) {
        int told = switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE, Response.NOT_FOUND,
                    Response.TEMPORARILY_UNAVAILABLE -> status;
            default -> Response.TEMPORARILY_UNAVAILABLE;
        };
        sip.respond(call.callerInvite, inCallerDialog(call, messages.response(told, call.callerInvite.getRequest())));
        finish(call);
    }

    private void dialCustomer(VoiceCall call) {
        Trunk trunk = call.trunk;
        try {
            Request invite = trunkInvite(trunk, call.customerNumber, call.callerMedia);
            ClientTransaction transaction = provider.getNewClientTransaction(invite);
            call.callerDialog = provider.getNewDialog(transaction);
            call.customerInvite = transaction;
            call.callerCallId = callId(invite);
            bySipCallId.put(call.callerCallId, call);
            call.state = VoiceCall.State.DIALING_CUSTOMER;
            transaction.sendRequest();
            LOG.info("Callback {}: agent {} answered; dialing {} through {}", call.id, call.agent, call.customerNumber,
                    trunk.name());
        } catch (ParseException | SipException | RuntimeException e) {
            customerFailed(call, "cannot dial " + call.customerNumber + ": " + e.getMessage());
        }
    }

    private void customerResponse(VoiceCall call, ResponseEvent event, long cseq) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (call.state != VoiceCall.State.DIALING_CUSTOMER) {
            if (status / 100 == 2 && event.getDialog() != null) {
                sip.sendAck(event.getDialog(), cseq); // a retransmitted 200
            }
            return;
        }
        if (status < 200) {
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && !call.trunk.username().isEmpty() && !call.authenticated) {
            call.authenticated = true;
            try {
                ClientTransaction retry = authentication.handleChallenge(response, event.getClientTransaction(), provider, 5);
                call.customerInvite = retry;
                call.callerDialog = retry.getDialog() != null ? retry.getDialog() : provider.getNewDialog(retry);
                retry.sendRequest();
            } catch (SipException | RuntimeException e) {
                customerFailed(call, "the trunk's challenge cannot be answered: " + e.getMessage());
            }
            return;
        }
        if (status >= 300) {
            customerFailed(call, status + " " + response.getReasonPhrase());
            return;
        }
        Dialog dialog = event.getDialog();
        call.callerDialog = dialog;
        sip.sendAck(dialog, cseq);
        try {
            SessionOffer answer = Sdp.read(body(response));
            call.callerMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        } catch (SdpRejected e) {
            sip.sendBye(dialog);
            customerFailed(call, "unusable SDP: " + e.getMessage());
            return;
        }
        bridge(call);
        LOG.info("Callback {}: {} answered; bridged with agent {}", call.id, call.customerNumber, call.agent);
    }

    /** The customer could not be reached: the agent's phone is hung up and the callback ends. */
    private void customerFailed(VoiceCall call, String why) {
        LOG.info("Callback {} to {} failed: {}", call.id, call.customerNumber, why);
        sip.sendBye(call.agentDialog);
        ignoreConflict(() -> acd.end(call.id));
        finish(call);
    }

    // ---- call control (REST, console, phones) --------------------------------------------------------------

    @Override
    public List<CallView> calls() {
        List<CallView> views = new java.util.ArrayList<>();
        for (VoiceCall call : byInteraction.values()) {
            String state = switch (call.state) {
                case RINGING_AGENT -> "RINGING";
                case DIALING_CUSTOMER -> "DIALING";
                default -> call.state.name();
            };
            views.add(new CallView(call.id, call.caller, call.dialed, state, call.queue, call.agent, call.held,
                    call.supervisorAnswered ? call.supervisorExtension : null, call.parkedAt, call.startedAt));
        }
        views.sort(java.util.Comparator.comparing(CallView::startedAt));
        return views;
    }

    @Override
    public void hold(String interactionId) {
        command(interactionId, call -> {
            talking(call, "held");
            if (!call.held) {
                call.held = true;
                call.bridge.hold();
                playHoldMusic(call);
                LOG.info("Call {} on hold", call.id);
            }
        });
    }

    @Override
    public void retrieve(String interactionId) {
        command(interactionId, call -> {
            talking(call, "retrieved");
            if (call.held) {
                call.held = false;
                call.callerMedia.stopPlaying();
                call.bridge.resume();
                LOG.info("Call {} taken off hold", call.id);
            }
        });
    }

    @Override
    public void hangUp(String interactionId) {
        command(interactionId, call -> {
            LOG.info("Call {} hung up by command", call.id);
            if (call.state == VoiceCall.State.TALKING) {
                sip.sendBye(call.agentDialog);
                sip.sendBye(call.callerDialog);
                ignoreConflict(() -> acd.end(call.id));
                finish(call);
            } else {
                if (call.state == VoiceCall.State.RINGING_AGENT) {
                    cancelAgent(call);
                    call.state = VoiceCall.State.QUEUED;
                }
                hangUpFromFlow(call);
            }
        });
    }

    @Override
    public void transfer(String interactionId, TransferTarget target) {
        command(interactionId, call -> {
            talking(call, "transferred");
            checkTarget(target);
            transferOnLane(call, target);
        });
    }

    private void transferOnLane(VoiceCall call, TransferTarget target) {
        LOG.info("Call {}: agent {} transfers it to {} {}", call.id, call.agent, target.kind(), target.value());
        leaveAgent(call);
        String previous = call.id;
        byInteraction.remove(call.id);
        call.id = UUID.randomUUID().toString();
        byInteraction.put(call.id, call);
        call.state = VoiceCall.State.FLOW;
        Map<String, String> attributes = Map.of("transferredFrom", previous);
        switch (target.kind()) {
            case QUEUE -> enqueue(call, new Interaction(call.id, Channel.VOICE, target.value(), 0, List.of(),
                    call.dialed, call.caller, attributes, Instant.now()), Duration.ZERO, "en");
            case AGENT -> {
                String queue = call.queue;
                enqueue(call, new Interaction(call.id, Channel.VOICE, queue, 0, List.of(), call.dialed, call.caller,
                        attributes, Instant.now()), Duration.ZERO, "en");
                if (call.state == VoiceCall.State.QUEUED) {
                    ignoreConflict(() -> acd.pull(call.id, target.value()));
                }
            }
            case ENTRY_POINT -> {
                if (!flows.start(new SipCallSession(call, this, target.value()))) {
                    hangUpFromFlow(call);
                }
            }
            case EXTERNAL -> {
                call.outsideDistribution = true;
                dialOutside(call, target.value());
            }
        }
    }

    private void checkTarget(TransferTarget target) {
        switch (target.kind()) {
            case QUEUE -> {
                if (acd.queue(target.value()).isEmpty()) {
                    throw new CallControlException("no queue '" + target.value() + "'", false);
                }
            }
            case AGENT -> {
                AgentView agent = acd.agent(target.value()).orElseThrow(() ->
                        new CallControlException("agent '" + target.value() + "' is not signed in", false));
                if (agent.state() != org.switchboard.api.acd.AgentState.READY) {
                    throw new CallControlException("agent '" + target.value() + "' is " + agent.state()
                            + ", not READY", false);
                }
            }
            case ENTRY_POINT -> {
                if (!flows.entryPoints().containsKey(target.value())) {
                    throw new CallControlException("no entry point '" + target.value() + "'", false);
                }
            }
            case EXTERNAL -> {
                if (outboundTrunk().isEmpty()) {
                    throw new CallControlException("no SIP trunk is configured to dial " + target.value(), false);
                }
            }
        }
    }

    /** The agent's leg ends and the agent goes to wrap-up; the caller stays, hearing music. */
    private void leaveAgent(VoiceCall call) {
        endMonitoring(call, true);
        closeBridge(call);
        sip.sendBye(call.agentDialog);
        ignoreConflict(() -> acd.end(call.id));
        forgetAgentLeg(call);
        call.held = false;
        playHoldMusic(call);
    }

    @Override
    public void pickup(String interactionId, String agent) {
        command(interactionId, call -> {
            if (call.state != VoiceCall.State.RINGING_AGENT || call.outbound) {
                throw new CallControlException("call " + call.id + " is " + call.state
                        + "; only a call ringing at an agent's phone can be picked up", false);
            }
            try {
                // Distribution withdraws the offer (the ringing stops) and offers it to the new agent (who is rung).
                acd.redirect(call.id, call.agent, agent);
            } catch (AcdConflictException e) {
                throw new CallControlException(e.getMessage(), false);
            }
            LOG.info("Call {}: picked up by {} from {}", call.id, agent, call.agent);
        });
    }

    @Override
    public String park(String interactionId) {
        String[] slot = new String[1];
        command(interactionId, call -> slot[0] = parkOnLane(call));
        return slot[0];
    }

    private String parkOnLane(VoiceCall call) {
        talking(call, "parked");
        String slot = parking.park(call).orElseThrow(() -> new CallControlException("every park slot is taken", false));
        LOG.info("Call {}: agent {} parks it at {}", call.id, call.agent, slot);
        leaveAgent(call);
        call.state = VoiceCall.State.PARKED;
        call.parkedAt = slot;
        return slot;
    }

    /** A phone dialed a park slot: once it proves who it is (digest), it takes the parked call. */
    private void retrieveFromPark(VoiceCall call, RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        if (call.state != VoiceCall.State.PARKED) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request), "the park slot is empty"));
            return;
        }
        Response refusal = registrar.authenticate(request, Registrar.source(event), System.currentTimeMillis());
        if (refusal != null) {
            sip.respond(transaction, refusal);
            return;
        }
        SessionOffer offer = offerOrRefuse(request, transaction);
        if (offer == null) {
            return;
        }
        MediaLeg leg = media.open();
        String extension = user(request);
        try {
            Dialog dialog = provider.getNewDialog(transaction);
            leg.connect(offer.address(), offer.codec(), offer.telephoneEventType());
            transaction.sendResponse(answerWith(request, leg, offer));
            call.agentDialog = dialog;
        } catch (SipException | InvalidArgumentException e) {
            leg.close();
            LOG.warn("Call {}: the phone at {} could not take it from park: {}", call.id, extension, e.toString());
            return;
        }
        parking.leave(call.parkedAt, call);
        LOG.info("Call {}: taken from park slot {} by the phone at {}", call.id, call.parkedAt, extension);
        call.parkedAt = null;
        call.agentMedia = leg;
        call.agentExtension = extension;
        call.agentCallId = callId(request);
        bySipCallId.put(call.agentCallId, call);
        takeInDistribution(call, extension);
        bridge(call);
    }

    /**
     * The agent signed in at the phone that took a call from park gets it in distribution as a new interaction,
     * so that they are busy with it and it is in the history.
     */
    private void takeInDistribution(VoiceCall call, String extension) {
        Optional<AgentView> agent = acd.agents().stream().filter(view -> extension.equals(view.extension())).findFirst();
        if (agent.isEmpty() || call.queue == null) {
            LOG.info("Call {}: the phone at {} has no agent signed in; the call goes on outside distribution", call.id,
                    extension);
            return;
        }
        String previous = call.id;
        byInteraction.remove(call.id);
        call.id = UUID.randomUUID().toString();
        byInteraction.put(call.id, call);
        call.agent = agent.get().login();
        // Not QUEUED, so the offer distribution makes does not ring the agent's phone: it is already in the call.
        call.state = VoiceCall.State.FLOW;
        try {
            acd.submit(new Interaction(call.id, Channel.VOICE, call.queue, 0, List.of(), call.dialed, call.caller,
                    Map.of("parkedFrom", previous), Instant.now()));
            acd.pull(call.id, call.agent);
            acd.accept(call.id, call.agent);
        } catch (AcdConflictException e) {
            LOG.info("Call {}: agent {} cannot take it in distribution now ({}); the call goes on", call.id, call.agent,
                    e.getMessage());
        }
    }

    @Override
    public void monitor(String interactionId, String extension, MonitorMode mode) {
        command(interactionId, call -> {
            talking(call, "monitored");
            if (call.supervisorAnswered && extension.equals(call.supervisorExtension)) {
                call.monitorMode = mode;
                call.bridge.monitor(call.supervisorMedia, mode);
                LOG.info("Call {}: supervisor at {} now in {}", call.id, extension, mode);
                return;
            }
            Registrations.Binding phone = registrations.find(extension, System.currentTimeMillis()).orElseThrow(() ->
                    new CallControlException("no phone registered at extension '" + extension + "'", false));
            endMonitoring(call, true);
            MediaLeg leg = media.open();
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
                bySipCallId.put(call.supervisorCallId, call);
                transaction.sendRequest();
                LOG.info("Call {}: ringing supervisor at {} to {}", call.id, extension, mode);
            } catch (SipException | RuntimeException e) {
                leg.close();
                call.clearSupervisor();
                throw new CallControlException("the supervisor's phone cannot be rung: " + e.getMessage(), false);
            }
        });
    }

    private void supervisorResponse(VoiceCall call, ResponseEvent event, long cseq) {
        int status = event.getResponse().getStatusCode();
        if (status < 200) {
            return;
        }
        if (status >= 300) {
            LOG.info("Call {}: supervisor's phone at {} answered {}", call.id, call.supervisorExtension, status);
            endMonitoring(call, false);
            return;
        }
        Dialog dialog = event.getDialog();
        sip.sendAck(dialog, cseq);
        if (call.supervisorAnswered) {
            return; // a retransmitted 200
        }
        if (call.state != VoiceCall.State.TALKING || call.bridge == null) {
            sip.sendBye(dialog);
            endMonitoring(call, false);
            return;
        }
        try {
            SessionOffer answer = Sdp.read(body(event.getResponse()));
            call.supervisorMedia.connect(answer.address(), answer.codec(), answer.telephoneEventType());
        } catch (SdpRejected e) {
            sip.sendBye(dialog);
            endMonitoring(call, false);
            return;
        }
        call.supervisorAnswered = true;
        call.bridge.monitor(call.supervisorMedia, call.monitorMode);
        LOG.info("Call {}: supervisor at {} joined ({})", call.id, call.supervisorExtension, call.monitorMode);
    }

    /** The supervisor leaves: their phone gets a BYE when {@code hangUpPhone}, the parties are relayed again. */
    private void endMonitoring(VoiceCall call, boolean hangUpPhone) {
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
                cancelOnProvisional.put(call.supervisorCallId, call.supervisorInvite);
                sip.sendCancel(call.supervisorInvite);
            }
        }
        bySipCallId.remove(call.supervisorCallId);
        call.clearSupervisor();
    }

    private static void talking(VoiceCall call, String what) {
        if (call.state != VoiceCall.State.TALKING || call.bridge == null) {
            throw new CallControlException("call " + call.id + " is " + call.state + "; only a call in conversation can be "
                    + what, false);
        }
    }

    /** Runs a command on the call's lane and waits for it, so that its refusal reaches the caller. */
    private void command(String interactionId, Consumer<VoiceCall> action) {
        VoiceCall call = byInteraction.get(interactionId);
        if (call == null) {
            throw new CallControlException("no live call '" + interactionId + "'", true);
        }
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        lanes.execute(call.lane, () -> {
            try {
                if (call.state == VoiceCall.State.ENDED) {
                    throw new CallControlException("call '" + interactionId + "' has ended", true);
                }
                action.accept(call);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("call " + interactionId + " did not answer the command within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void cancelAgent(VoiceCall call) {
        ClientTransaction invite = call.agentInvite;
        if (invite != null) {
            if (call.agentProvisional) {
                sip.sendCancel(invite);
            } else {
                // CANCEL may only follow a provisional response (RFC 3261 §9.1): sent when one arrives.
                cancelOnProvisional.put(call.agentCallId, invite);
            }
        }
        forgetAgentLeg(call);
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
        endMonitoring(call, true);
        closeBridge(call);
        call.callerMedia.close();
        forgetAgentLeg(call);
        forget(call);
    }

    /** The conversation's bridge ends; what it recorded is listed, under the agent who was in it. */
    private void closeBridge(VoiceCall call) {
        if (call.bridge != null) {
            call.bridge.close();
            call.bridge = null;
        }
        if (call.recording != null && call.bridgedAt != null) {
            LOG.info("Call {} recorded to {}", call.id, call.recording);
            recorded.accept(new Recording(call.id + "-" + call.bridgedAt.toEpochMilli(), call.id, call.agent,
                    call.caller, call.dialed, call.bridgedAt, Instant.now(), call.recording.toString()));
        }
        call.recording = null;
        call.bridgedAt = null;
    }

    private void forget(VoiceCall call) {
        if (call.callerCallId != null) {
            bySipCallId.remove(call.callerCallId);
        }
        // Only this call's entry: a callback placed for the same interaction may already have its own.
        byInteraction.remove(call.id, call);
        if (call.state != VoiceCall.State.ENDED) {
            call.callerMedia.close();
            call.state = VoiceCall.State.ENDED;
        }
    }

    private static void ignoreConflict(Runnable command) {
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
