package org.switchboard.sip.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.CallSession;

/** A SIP call as the flow engine drives it; every call back runs on the call's lane. */
final class SipCallSession implements CallSession {

    private final VoiceCall call;
    private final FlowCalls control;
    private final String entryPoint;

    SipCallSession(VoiceCall call, FlowCalls control) {
        this(call, control, call.dialed);
    }

    /** A call sent to another entry point's flow (a transfer). */
    SipCallSession(VoiceCall call, FlowCalls control, String entryPoint) {
        this.call = call;
        this.control = control;
        this.entryPoint = entryPoint;
    }

    @Override
    public String id() {
        return call.id;
    }

    @Override
    public String caller() {
        return call.caller;
    }

    @Override
    public String dialed() {
        return entryPoint;
    }

    @Override
    public void play(String prompt, Runnable then) {
        control.play(call, prompt, then);
    }

    @Override
    public void collect(String prompt, int maxDigits, String terminators, Duration timeout, Consumer<String> then) {
        control.collect(call, prompt, maxDigits, terminators, timeout, then);
    }

    @Override
    public void queue(Interaction interaction, Duration announceEvery, String language, String callbackKey) {
        call.callbackKey = callbackKey;
        control.enqueue(call, interaction, announceEvery, language);
    }

    @Override
    public void recordMessage(String prompt, String mailbox, Duration maxLength, Runnable then) {
        control.takeMessage(call, prompt, entryPoint, mailbox, maxLength, then);
    }

    @Override
    public void transfer(String destination, Duration ringFor, Runnable unanswered) {
        control.transferFromFlow(call, destination, ringFor, unanswered);
    }

    @Override
    public void hangUp() {
        control.hangUp(call);
    }

    @Override
    public void execute(Runnable task) {
        control.execute(call, task);
    }
}
