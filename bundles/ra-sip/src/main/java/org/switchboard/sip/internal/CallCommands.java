package org.switchboard.sip.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.acd.AcdConflictException;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.media.MonitorMode;
import org.switchboard.api.voice.CallControl;
import org.switchboard.api.voice.CallControlException;
import org.switchboard.api.voice.CallView;
import org.switchboard.api.voice.Consultation;
import org.switchboard.api.voice.TransferTarget;

/** Call control for REST, the console and phones: each command runs on the call's lane, and its refusal is thrown. */
final class CallCommands implements CallControl {

    private static final Logger LOG = LoggerFactory.getLogger(CallCommands.class);

    private final B2bua b2bua;
    private final CallTable calls;
    private final KeyedExecutor lanes;
    private final AcdService acd;
    private final Transfers transfers;
    private final Monitoring monitoring;
    private final Consultations consultations;

    CallCommands(B2bua b2bua, CallContext context, AcdService acd) {
        this.b2bua = b2bua;
        this.calls = context.calls();
        this.lanes = context.lanes();
        this.acd = acd;
        this.transfers = b2bua.transfers();
        this.monitoring = b2bua.monitoring();
        this.consultations = b2bua.consultations();
    }

    @Override
    public List<CallView> calls() {
        List<CallView> views = new ArrayList<>();
        for (VoiceCall call : calls.all()) {
            String state = switch (call.state()) {
                case RINGING_AGENT -> "RINGING";
                case DIALING_CUSTOMER -> "DIALING";
                default -> call.state().name();
            };
            views.add(new CallView(call.id, call.caller, call.dialed, state, call.queue, call.agent, call.held,
                    call.supervisorAnswered ? call.supervisorExtension : null, call.parkedAt, call.startedAt));
        }
        views.sort(Comparator.comparing(CallView::startedAt));
        return views;
    }

    @Override
    public void hold(String interactionId) {
        command(interactionId, call -> {
            talking(call, "held");
            if (!call.held) {
                call.held = true;
                call.bridge.hold();
                b2bua.playHoldMusic(call);
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
            b2bua.end(call, Teardown.Cause.APPLIANCE);
        });
    }

    @Override
    public void transfer(String interactionId, TransferTarget target) {
        command(interactionId, call -> {
            talking(call, "transferred");
            transfers.check(target);
            transfers.transfer(call, target);
        });
    }

    @Override
    public void pickup(String interactionId, String agent) {
        command(interactionId, call -> {
            if (call.state() != VoiceCall.State.RINGING_AGENT || call.outbound) {
                throw new CallControlException("call " + call.id + " is " + call.state()
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
        command(interactionId, call -> slot[0] = transfers.park(call));
        return slot[0];
    }

    @Override
    public void consult(String interactionId, TransferTarget target) {
        command(interactionId, call -> {
            talking(call, "consulted about");
            consultations.start(call, target);
        });
    }

    @Override
    public Optional<Consultation> consultation(String interactionId) {
        java.util.concurrent.atomic.AtomicReference<Optional<Consultation>> view =
                new java.util.concurrent.atomic.AtomicReference<>();
        command(interactionId, call -> view.set(consultations.view(call)));
        return view.get();
    }

    @Override
    public void cancelConsultation(String interactionId) {
        command(interactionId, consultations::cancel);
    }

    @Override
    public void completeTransfer(String interactionId) {
        command(interactionId, consultations::complete);
    }

    @Override
    public void monitor(String interactionId, String extension, MonitorMode mode) {
        command(interactionId, call -> {
            talking(call, "monitored");
            monitoring.monitor(call, extension, mode);
        });
    }

    /** Refuses a command that needs the call in conversation; {@code what} it would have been. */
    static void talking(VoiceCall call, String what) {
        if (call.state() != VoiceCall.State.TALKING || call.bridge == null) {
            throw new CallControlException("call " + call.id + " is " + call.state() + "; only a call in conversation can be "
                    + what, false);
        }
        if (call.consult != null) {
            throw new CallControlException("call " + call.id + " is in a consultation with " + call.consult.target
                    + "; complete the transfer or end the consultation first", false);
        }
    }

    /** Runs a command on the call's lane and waits for it, so that its refusal reaches the caller. */
    private void command(String interactionId, Consumer<VoiceCall> action) {
        VoiceCall call = calls.byInteraction(interactionId);
        if (call == null) {
            throw new CallControlException("no live call '" + interactionId + "'", true);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        lanes.execute(call.lane, () -> {
            try {
                if (call.state() == VoiceCall.State.ENDED) {
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
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("call " + interactionId + " did not answer the command within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
