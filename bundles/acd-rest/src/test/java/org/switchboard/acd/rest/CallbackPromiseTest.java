package org.switchboard.acd.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.InteractionState;
import org.switchboard.api.acd.InteractionView;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.acd.SkillRequirement;
import org.switchboard.api.rest.ProblemException;

/** A callback asked for at wrap-up: its time within a year, its number, and what it carries from the interaction. */
public class CallbackPromiseTest {

    private final Instant now = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    public void theCallbackGoesToTheSameQueueForTheSameAgentAtTheTimeAsked() {
        ScheduledCallback callback = CallbackPromise.of(new CallbackPromise.Body("2026-11-24T10:30:00+03:00", null),
                wrapUp("+74957654321"), now);

        assertEquals(Instant.parse("2026-11-24T07:30:00Z"), callback.at());
        assertEquals("+74957654321", callback.number());
        assertEquals("sales", callback.queue());
        assertEquals("anna", callback.agent());
        assertEquals(3, callback.priority());
        assertEquals(List.of(new SkillRequirement("russian", 5)), callback.requirements());
        assertEquals(Map.of("order", "A-17", CallbackPromise.CALLBACK_FOR, "v-1"), callback.attributes());
        assertEquals("v-1", callback.interactionId());
        assertTrue(callback.id().startsWith("cb-"));
    }

    @Test
    public void aNumberGivenIsCalledInsteadOfTheCustomers() {
        assertEquals("+74951234567", CallbackPromise.of(new CallbackPromise.Body("2026-11-24T10:30:00Z",
                "+74951234567"), wrapUp("web-42"), now).number());
    }

    @Test
    public void badTimesAndNumbersNameTheirField() {
        assertField("callback.at", new CallbackPromise.Body(null, null), "+74957654321");
        assertField("callback.at", new CallbackPromise.Body("tomorrow at ten", null), "+74957654321");
        assertField("callback.at", new CallbackPromise.Body("2026-11-24T10:30:00", null), "+74957654321");
        assertField("callback.at", new CallbackPromise.Body("2026-11-23T08:59:59Z", null), "+74957654321");
        assertField("callback.at", new CallbackPromise.Body("2027-11-23T09:00:01Z", null), "+74957654321");
        assertField("callback.number", new CallbackPromise.Body("2026-11-24T10:30:00Z", "call me"), "+74957654321");
        assertField("callback.number", new CallbackPromise.Body("2026-11-24T10:30:00Z", null), "web-42");
        assertField("callback.number", new CallbackPromise.Body("2026-11-24T10:30:00Z", null), null);
    }

    private void assertField(String field, CallbackPromise.Body body, String customer) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> CallbackPromise.of(body, wrapUp(customer), now));
        assertEquals(400, problem.status());
        assertEquals(field, problem.field());
    }

    private InteractionView wrapUp(String customer) {
        Interaction call = new Interaction("v-1", Channel.VOICE, "sales", 3, List.of(new SkillRequirement("russian", 5)),
                "+74951110000", customer, Map.of("order", "A-17"), now.minusSeconds(600));
        return new InteractionView(call, InteractionState.WRAP_UP, List.of("anna"), now.minusSeconds(590),
                now.minusSeconds(60));
    }
}
