package org.switchboard.core.flow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.Test;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.flow.CallSession;

public class FlowRunTest {

    /** Monday 2026-11-23 12:00 in Moscow. */
    private static final Clock MONDAY_NOON = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @Test
    public void theCallerChoosesOneAndWaitsInTheQueueWithTheFlowsAttributes() {
        ScriptedCall call = new ScriptedCall("1");
        run(FlowValidatorTest.MAIN, call);
        assertEquals(List.of("play en/welcome", "collect en/menu", "queue sales every 30 s in ru, callback on 1"), call.log);
        assertEquals(2, call.queued.priority());
        assertEquals("1", call.queued.attributes().get("menu"));
        assertEquals("main", call.queued.attributes().get("flow"));
    }

    @Test
    public void wrongKeysAndSilenceAreRetriedThenTheFlowGoesOn() {
        ScriptedCall call = new ScriptedCall("7", "");
        run(FlowValidatorTest.MAIN, call);
        assertEquals(List.of("play en/welcome", "collect en/menu", "play en/invalid", "collect en/menu",
                "play en/goodbye", "hang up"), call.log);
    }

    @Test
    public void collectedDigitsBecomeAttributes() {
        ScriptedCall call = new ScriptedCall("2", "123456");
        run(FlowValidatorTest.MAIN, call);
        assertEquals("123456", call.queued.attributes().get("account"));
        assertEquals("acct-123456", call.queued.attributes().get("route"));
    }

    @Test
    public void outsideOpeningHoursTheClosedBranchIsTaken() {
        ScriptedCall call = new ScriptedCall();
        run(FlowValidatorTest.MAIN.replace("mon-sun 00:00-24:00", "sat-sun 10:00-12:00"), call);
        assertEquals(List.of("play en/welcome", "play en/goodbye", "hang up"), call.log);
        assertNull(call.queued);
    }

    @Test
    public void aLookupFillsAttributesAndAFailedOneGoesOnWithout() throws Exception {
        HttpServer crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/customers", exchange -> {
            boolean known = exchange.getRequestURI().getRawQuery().equals("phone=%2B79161234567");
            byte[] body = "{\"customer\":{\"name\":\"Ivan\",\"vip\":true}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
            if (known) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        crm.start();
        try {
            String flow = "{\"start\":\"crm\",\"steps\":{\"crm\":{\"type\":\"http\",\"url\":\"http://127.0.0.1:"
                    + crm.getAddress().getPort() + "/customers?phone={caller}\",\"attributes\":{\"name\":\"/customer/name\","
                    + "\"vip\":\"/customer/vip\"},\"next\":\"q\",\"failed\":\"q\"},"
                    + "\"q\":{\"type\":\"queue\",\"queue\":\"sales\"}}}";
            ScriptedCall known = new ScriptedCall();
            known.caller = "+79161234567";
            run(flow, known);
            Interaction queued = known.awaitQueued();
            assertEquals("Ivan", queued.attributes().get("name"));
            assertEquals("true", queued.attributes().get("vip"));

            ScriptedCall stranger = new ScriptedCall();
            run(flow, stranger);
            assertNull(stranger.awaitQueued().attributes().get("name"));
        } finally {
            crm.stop(0);
        }
    }

    @Test
    public void aVoicemailStepRecordsTheMessageThenEndsTheCallWhenNothingFollows() {
        ScriptedCall call = new ScriptedCall();
        run(FlowValidatorTest.VOICEMAIL, call);
        assertEquals(List.of("play en/welcome", "voicemail en/menu for sales up to 90 s", "hang up"), call.log);
        assertNull(call.queued);
    }

    @Test
    public void afterTheMessageTheFlowGoesOnToItsNextStep() {
        ScriptedCall call = new ScriptedCall();
        run("{\"start\":\"m\",\"steps\":{\"m\":{\"type\":\"voicemail\",\"mailbox\":\"sales\",\"maxSeconds\":5,"
                + "\"next\":\"bye\"},\"bye\":{\"type\":\"hangup\",\"prompt\":\"en/goodbye\"}}}", call);
        assertEquals(List.of("voicemail null for sales up to 5 s", "play en/goodbye", "hang up"), call.log);
    }

    @Test
    public void aTransferNobodyAnswersGoesOnToItsUnansweredStep() {
        ScriptedCall call = new ScriptedCall();
        call.transfersAnswered = false;
        run(FlowValidatorTest.TRANSFER, call);
        assertEquals(List.of("transfer 74951234567 ringing 20 s", "play en/goodbye", "hang up"), call.log);
    }

    @Test
    public void anAnsweredTransferEndsTheFlow() {
        ScriptedCall call = new ScriptedCall();
        run(FlowValidatorTest.TRANSFER, call);
        assertEquals(List.of("transfer 74951234567 ringing 20 s"), call.log);
    }

    private static void run(String json, ScriptedCall call) {
        new FlowRun(FlowCodec.read("main", json), call, HttpClient.newHttpClient(), MONDAY_NOON).start();
    }

    /** A call whose caller presses the scripted keys, one answer per collect. */
    private static final class ScriptedCall implements CallSession {
        final List<String> log = new ArrayList<>();
        final Deque<String> keys;
        final LinkedBlockingQueue<Interaction> queuedCalls = new LinkedBlockingQueue<>();
        Interaction queued;
        String caller = "79160000000";
        boolean transfersAnswered = true;

        ScriptedCall(String... keys) {
            this.keys = new ArrayDeque<>(List.of(keys));
        }

        Interaction awaitQueued() throws InterruptedException {
            Interaction interaction = queuedCalls.poll(10, TimeUnit.SECONDS);
            queued = interaction;
            return interaction;
        }

        @Override
        public String id() {
            return "call-1";
        }

        @Override
        public String caller() {
            return caller;
        }

        @Override
        public String dialed() {
            return "100";
        }

        @Override
        public void play(String prompt, Runnable then) {
            log.add("play " + prompt);
            then.run();
        }

        @Override
        public void collect(String prompt, int maxDigits, String terminators, Duration timeout, Consumer<String> then) {
            log.add("collect " + prompt);
            then.accept(keys.isEmpty() ? "" : keys.pop());
        }

        @Override
        public void queue(Interaction interaction, Duration announceEvery, String language, String callbackKey) {
            log.add("queue " + interaction.queue() + " every " + announceEvery.toSeconds() + " s in " + language
                    + (callbackKey == null ? "" : ", callback on " + callbackKey));
            queued = interaction;
            queuedCalls.add(interaction);
        }

        @Override
        public void recordMessage(String prompt, String mailbox, Duration maxLength, Runnable then) {
            log.add("voicemail " + prompt + " for " + mailbox + " up to " + maxLength.toSeconds() + " s");
            then.run();
        }

        @Override
        public void transfer(String destination, Duration ringFor, Runnable unanswered) {
            log.add("transfer " + destination + " ringing " + ringFor.toSeconds() + " s");
            if (!transfersAnswered) {
                unanswered.run();
            }
        }

        @Override
        public void hangUp() {
            log.add("hang up");
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }
    }
}
