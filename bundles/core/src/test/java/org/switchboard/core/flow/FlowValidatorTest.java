package org.switchboard.core.flow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Set;
import org.junit.Test;
import org.switchboard.api.flow.Flow;
import org.switchboard.api.flow.FlowInvalidException;
import org.switchboard.api.flow.Step;

public class FlowValidatorTest {

    static final String MAIN = "{\"start\":\"welcome\",\"steps\":{"
            + "\"welcome\":{\"type\":\"play\",\"prompt\":\"en/welcome\",\"next\":\"hours\"},"
            + "\"hours\":{\"type\":\"hours\",\"openingHours\":\"mon-sun 00:00-24:00\",\"timeZone\":\"Europe/Moscow\","
            + "\"open\":\"menu\",\"closed\":\"bye\"},"
            + "\"menu\":{\"type\":\"menu\",\"prompt\":\"en/menu\",\"choices\":{\"1\":\"sales\",\"2\":\"account\"},"
            + "\"timeoutSeconds\":4,\"attempts\":2,\"invalidPrompt\":\"en/invalid\",\"otherwise\":\"bye\"},"
            + "\"account\":{\"type\":\"collect\",\"prompt\":\"en/menu\",\"attribute\":\"account\",\"maxDigits\":6,\"next\":\"tag\"},"
            + "\"tag\":{\"type\":\"set\",\"attribute\":\"route\",\"value\":\"acct-{account}\",\"next\":\"sales\"},"
            + "\"sales\":{\"type\":\"queue\",\"queue\":\"sales\",\"priority\":2,\"skills\":{\"russian\":5},"
            + "\"announceSeconds\":30,\"language\":\"ru\",\"callbackKey\":\"1\"},"
            + "\"bye\":{\"type\":\"hangup\",\"prompt\":\"en/goodbye\"}}}";

    private final FlowValidator validator = new FlowValidator(Set.of("sales")::contains,
            Set.of("en/welcome", "en/menu", "en/invalid", "en/goodbye", "ru/position", "ru/callback-offer",
                    "ru/callback-confirm", "beep")::contains,
            Set.of("russian")::contains);

    @Test
    public void aCompleteFlowIsReadAndAccepted() {
        Flow flow = FlowCodec.read("main", MAIN);
        validator.check(flow);
        assertEquals("welcome", flow.start());
        Step.Menu menu = (Step.Menu) flow.steps().get("menu");
        assertEquals("sales", menu.choices().get("1"));
        assertEquals(2, menu.attempts());
        assertEquals("#", ((Step.Collect) flow.steps().get("account")).terminator());
        assertEquals(5, (int) ((Step.Queue) flow.steps().get("sales")).skills().get("russian"));
    }

    @Test
    public void mistakesAreNamedWithTheirStep() {
        refused(MAIN.replace("\"next\":\"hours\"", "\"next\":\"nowhere\""), "welcome", "'nowhere', which is no step");
        refused(MAIN.replace("en/goodbye", "en/farewell"), "bye", "no prompt 'en/farewell'");
        refused(MAIN.replace("\"queue\":\"sales\"", "\"queue\":\"support\""), "sales", "no queue 'support'");
        refused(MAIN.replace("\"1\":\"sales\"", "\"12\":\"sales\""), "menu", "choice '12' is not one key");
        refused(MAIN.replace("Europe/Moscow", "Mars/Olympus"), "hours", "not a time zone");
        refused(MAIN.replace("mon-sun 00:00-24:00", "someday"), "hours", "'openingHours'");
        refused(MAIN.replace("\"type\":\"hangup\"", "\"type\":\"dance\""), "bye", "unknown type 'dance'");
        refused(MAIN.replace("\"maxDigits\":6", "\"maxDigits\":\"six\""), "account", "'maxDigits' must be a whole number");
        refused(MAIN.replace("\"russian\":5", "\"klingon\":5"), "sales", "skills not in the catalogue: [klingon]");
        refused(MAIN.replace("\"announceSeconds\":30", "\"announceSeconds\":3"), "sales", "at least 10");
        refused(MAIN.replace("\"callbackKey\":\"1\"", "\"callbackKey\":\"11\""), "sales", "'callbackKey' must be one key");
        refused(MAIN.replace("\"announceSeconds\":30", "\"announceSeconds\":0"), "sales", "set 'announceSeconds'");
        refused(MAIN.replace("\"start\":\"welcome\"", "\"start\":\"hello\""), null, "'start' names no step");
        refused("[1,2]", null, "a flow is a JSON object");
        refused("{\"start\":", null, "not JSON");
    }

    static final String VOICEMAIL = "{\"start\":\"welcome\",\"steps\":{"
            + "\"welcome\":{\"type\":\"play\",\"prompt\":\"en/welcome\",\"next\":\"message\"},"
            + "\"message\":{\"type\":\"voicemail\",\"prompt\":\"en/menu\",\"mailbox\":\"sales\",\"maxSeconds\":90}}}";

    @Test
    public void aVoicemailStepIsReadWithItsMailboxAndLengthAndMayEndTheFlow() {
        Flow flow = FlowCodec.read("messages", VOICEMAIL);
        validator.check(flow);
        assertEquals(new Step.Voicemail("en/menu", "sales", 90, null), flow.steps().get("message"));
        assertEquals(List.of(), flow.steps().get("message").exits());

        Flow withNext = FlowCodec.read("messages", "{\"start\":\"m\",\"steps\":{"
                + "\"m\":{\"type\":\"voicemail\",\"mailbox\":\"sales\",\"next\":\"bye\"},"
                + "\"bye\":{\"type\":\"hangup\",\"prompt\":\"en/goodbye\"}}}");
        validator.check(withNext);
        assertEquals("no prompt, two minutes by default", new Step.Voicemail(null, "sales", 120, "bye"),
                withNext.steps().get("m"));
    }

    @Test
    public void aVoicemailStepNeedsAQueueAsMailboxAndASensibleLength() {
        refused(VOICEMAIL.replace("\"mailbox\":\"sales\"", "\"mailbox\":\"support\""), "message",
                "'mailbox' names no queue: 'support'");
        refused(VOICEMAIL.replace(",\"mailbox\":\"sales\"", ""), "message", "'mailbox' must be a non-empty string");
        refused(VOICEMAIL.replace("\"maxSeconds\":90", "\"maxSeconds\":0"), "message",
                "'maxSeconds' must be between 1 and 600, not 0");
        refused(VOICEMAIL.replace("\"maxSeconds\":90", "\"maxSeconds\":601"), "message",
                "'maxSeconds' must be between 1 and 600, not 601");
        refused(VOICEMAIL.replace("\"prompt\":\"en/menu\"", "\"prompt\":\"en/leave\""), "message", "no prompt 'en/leave'");
        try {
            new FlowValidator(Set.of("sales")::contains, Set.of("en/welcome", "en/menu")::contains, skill -> true)
                    .check(FlowCodec.read("messages", VOICEMAIL));
            fail("accepted without a beep to play");
        } catch (FlowInvalidException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no prompt 'beep'"));
        }
    }

    static final String TRANSFER = "{\"start\":\"who\",\"steps\":{"
            + "\"who\":{\"type\":\"set\",\"attribute\":\"manager\",\"value\":\"74951234567\",\"next\":\"transfer\"},"
            + "\"transfer\":{\"type\":\"transfer\",\"destination\":\"{manager}\",\"ringSeconds\":20,\"unanswered\":\"bye\"},"
            + "\"bye\":{\"type\":\"hangup\",\"prompt\":\"en/goodbye\"}}}";

    @Test
    public void aTransferStepNeedsANumberAndASensibleRingingTime() {
        validator.check(FlowCodec.read("transfer", TRANSFER));
        assertEquals(new Step.Transfer("2001", 30, null), FlowCodec.read("t", "{\"start\":\"t\",\"steps\":{"
                + "\"t\":{\"type\":\"transfer\",\"destination\":\"2001\"}}}").steps().get("t"));
        refused(TRANSFER.replace("{manager}", "the manager"), "transfer", "'destination' must be an extension or a number");
        refused(TRANSFER.replace("\"ringSeconds\":20", "\"ringSeconds\":2"), "transfer",
                "'ringSeconds' must be between 5 and 300, not 2");
        refused(TRANSFER.replace("\"unanswered\":\"bye\"", "\"unanswered\":\"nowhere\""), "transfer", "nowhere");
    }

    @Test
    public void aLoopThatNeverWaitsForTheCallerIsRefused() {
        String loop = "{\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"play\",\"prompt\":\"en/menu\",\"next\":\"b\"},"
                + "\"b\":{\"type\":\"set\",\"attribute\":\"x\",\"value\":\"1\",\"next\":\"a\"}}}";
        refused(loop, "a", "without waiting for the caller");
        String throughMenu = "{\"start\":\"a\",\"steps\":{\"a\":{\"type\":\"play\",\"prompt\":\"en/menu\",\"next\":\"m\"},"
                + "\"m\":{\"type\":\"menu\",\"choices\":{\"9\":\"a\"},\"otherwise\":\"a\"}}}";
        validator.check(FlowCodec.read("ok", throughMenu));
    }

    private void refused(String json, String step, String reason) {
        try {
            validator.check(FlowCodec.read("main", json));
            fail("accepted: " + json);
        } catch (FlowInvalidException e) {
            assertEquals(e.getMessage(), step, e.step());
            assertTrue(e.getMessage(), e.getMessage().contains(reason));
        }
    }
}
