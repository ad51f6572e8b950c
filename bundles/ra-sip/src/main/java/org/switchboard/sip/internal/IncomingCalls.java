package org.switchboard.sip.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import static org.switchboard.sip.internal.Signalling.body;
import static org.switchboard.sip.internal.Signalling.callId;
import static org.switchboard.sip.internal.Signalling.transport;
import static org.switchboard.sip.internal.Signalling.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.flow.FlowService;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaService;
import org.switchboard.api.media.MediaUnavailableException;

/**
 * New INVITEs: refused early past capacity, routed ({@link InviteRouter}), authenticated where the caller must be
 * a phone, then answered into a flow, put through to a phone or a number outside, or joined to an existing call
 * (a park slot, a pickup, a re-INVITE).
 */
final class IncomingCalls {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingCalls.class);
    /** Seconds a caller refused for load is asked to wait before trying again. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private final B2bua b2bua;
    private final SipProvider provider;
    private final SipMessages messages;
    private final Signalling sip;
    private final KeyedExecutor lanes;
    private final CallTable calls;
    private final MediaService media;
    private final FlowService flows;
    private final Registrar registrar;
    private final InviteRouter router;
    private final int maxCalls;
    private final Admission admission;
    private final RefusalLog refusals = new RefusalLog(LOG, 10, TimeUnit.SECONDS);
    /** Addresses whose calls are taken without authentication (trunks, configured networks). */
    private final Predicate<String> callerSources;
    private final OutsideLines outside;

    IncomingCalls(B2bua b2bua, CallContext context, MediaService media, FlowService flows, Registrar registrar,
            InviteRouter router, CallSettings settings, Predicate<String> callerSources, OutsideLines outside) {
        this.b2bua = b2bua;
        this.provider = context.provider();
        this.messages = context.messages();
        this.sip = context.sip();
        this.lanes = context.lanes();
        this.calls = context.calls();
        this.media = media;
        this.flows = flows;
        this.registrar = registrar;
        this.router = router;
        this.maxCalls = settings.maxCalls();
        this.admission = new Admission(lanes::lagMillis, calls::count, settings.maxLagMillis(),
                settings.maxCallRate());
        this.callerSources = callerSources;
        this.outside = outside;
    }

    /** A new INVITE (on the SIP thread: the server transaction is made here so retransmissions are absorbed). */
    void invite(RequestEvent event) {
        Request request = event.getRequest();
        String callId = callId(request);
        VoiceCall existing = calls.byLeg(callId);
        if (existing != null || ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            ServerTransaction transaction = sip.serverTransaction(event);
            if (transaction != null) {
                lanes.execute(existing != null ? existing.lane : callId,
                        () -> b2bua.dialogs().reInvite(existing, event, transaction));
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
        InviteRouter.Destination destination = router.route(dialed);
        if (destination instanceof InviteRouter.ParkSlot slot) {
            lanes.execute(slot.parked().lane, () -> b2bua.transfers().retrieve(slot.parked(), event, transaction));
        } else if (destination instanceof InviteRouter.Pickup pickup) {
            lanes.execute(pickup.ringing().lane, () -> b2bua.pickups().pickUp(pickup.ringing(), event, transaction));
        } else if (destination instanceof InviteRouter.NothingToPickUp nothing) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request),
                    "no call rings at extension " + nothing.extension()));
        } else {
            // A phone in conversation that calls another extension consults about its call: both run on one lane,
            // so that a transfer joining them (REFER with Replaces) sees both at once. Only phones with an account
            // can be in conversation as agents: customers' calls skip the search through every call.
            String caller = user(request);
            String lane = caller != null && registrar.hasAccount(caller)
                    ? calls.consultedCall(caller).map(call -> call.lane).orElse(callId) : callId;
            lanes.execute(lane, () -> answer(event, transaction, lane, dialed, destination));
        }
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

    /** On the new call's lane: who may call where, then the call is made and goes where it was routed. */
    private void answer(RequestEvent event, ServerTransaction transaction, String lane, String dialed,
            InviteRouter.Destination destination) {
        Request request = event.getRequest();
        if (calls.count() >= maxCalls) {
            refuseForLoad(transaction, request, user(request), maxCalls + " calls in progress, the configured maximum");
            return;
        }
        String source = Registrar.source(event);
        boolean known = callerSources.test(source);
        // Not a known caller address (trunk or configured network): only phones that pass digest may call. Calls
        // that cost money go out for phones that prove who they are, whatever network they call from.
        if ((!known || destination instanceof InviteRouter.Outside) && !authenticated(request, source, transaction)) {
            return;
        }
        if (destination instanceof InviteRouter.NoPhone none) {
            sip.respond(transaction, sip.warning(messages.response(Response.TEMPORARILY_UNAVAILABLE, request),
                    "extension " + none.number() + " has no phone registered"));
            return;
        }
        if (destination instanceof InviteRouter.Nowhere nowhere) {
            sip.respond(transaction, sip.warning(messages.response(Response.NOT_FOUND, request), nowhere.why()));
            return;
        }
        VoiceCall call = newCall(request, transaction, lane, dialed);
        if (call == null) {
            return;
        }
        if (destination instanceof InviteRouter.Extension extension) {
            call.internal = true;
            LOG.debug("Call {} from {} to extension {}", call.id, call.caller, extension.number());
            b2bua.legs().ringPhone(call, null, extension.number(), extension.contact());
        } else if (destination instanceof InviteRouter.Outside number) {
            call.internal = true;
            LOG.debug("Call {} from {} to number {}", call.id, call.caller, number.number());
            b2bua.legs().dialOutside(call, number.number());
        } else if (answerCaller(call)) {
            LOG.debug("Call {} from {} to {} answered", call.id, call.caller, call.dialed);
            if (!flows.start(new SipCallSession(call, b2bua.flowCalls()))) {
                LOG.info("Call {}: entry point {} went away meanwhile; hanging up", call.id, call.dialed);
                b2bua.hangUpFromFlow(call);
            }
        }
    }

    /** Whether the caller proved to be a phone; if not, they were challenged or refused. */
    private boolean authenticated(Request request, String source, ServerTransaction transaction) {
        Response refusal = registrar.authenticate(request, source, System.currentTimeMillis());
        if (refusal != null) {
            sip.respond(transaction, refusal);
            return false;
        }
        return true;
    }

    /** The call of a new INVITE, in the call table, with its media and dialog; null once refused. */
    private VoiceCall newCall(Request request, ServerTransaction transaction, String lane, String dialed) {
        SessionTimers.Agreement session;
        try {
            session = SessionTimers.negotiate(request);
        } catch (SessionTimers.IntervalTooSmall e) {
            sip.respond(transaction, b2bua.sessions().intervalTooSmall(request));
            return null;
        }
        SessionOffer offer = null;
        if (!body(request).isBlank()) {
            offer = sip.offerOrRefuse(request, transaction);
            if (offer == null) {
                return null;
            }
        }
        MediaLeg callerMedia;
        try {
            callerMedia = media.open();
        } catch (MediaUnavailableException e) {
            refuseForLoad(transaction, request, dialed, e.getMessage());
            return null;
        }
        VoiceCall call = new VoiceCall(UUID.randomUUID().toString(), lane, callId(request), user(request), dialed,
                callerMedia, transaction, Instant.now());
        callerMedia.onDigit(digit -> b2bua.onLane(call, () -> b2bua.flowCalls().key(call, digit)));
        call.callerOffer = offer;
        call.session = session;
        call.refreshByUpdate = SessionTimers.allows(request, Request.UPDATE);
        calls.addLeg(call.callerCallId, call);
        calls.add(call);
        try {
            call.callerDialog = provider.getNewDialog(transaction);
        } catch (SipException e) {
            LOG.error("Call {} could not be answered", call.id, e);
            b2bua.finish(call);
            return null;
        }
        return call;
    }

    /** Sends the caller our 200: the answer to their offer, or our offer when they made none. False if it failed. */
    boolean answerCaller(VoiceCall call) {
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
            call.callerInvite.sendResponse(B2bua.inCallerDialog(call, ok));
            b2bua.sessions().arm(call);
            return true;
        } catch (SipException | InvalidArgumentException e) {
            LOG.error("Call {} could not be answered", call.id, e);
            b2bua.finish(call);
            return false;
        }
    }
}
