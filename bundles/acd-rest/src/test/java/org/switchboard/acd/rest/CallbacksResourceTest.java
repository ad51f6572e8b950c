package org.switchboard.acd.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.CallbackScheduler;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.rest.ProblemException;

/** Scheduled callbacks: supervisors see and cancel any, agents their own. */
public class CallbacksResourceTest {

    private final Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private final CallbacksResource resource = new CallbacksResource();
    private final Map<String, ScheduledCallback> scheduled = new TreeMap<>();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final List<String> cancelled = new ArrayList<>();

    @Before
    public void wire() {
        scheduled.put("cb-a", callback("cb-a", "anna", now.plusSeconds(3600)));
        scheduled.put("cb-b", callback("cb-b", "boris", now.plusSeconds(60)));
        resource.audit = audit;
        resource.scheduler = new CallbackScheduler() {
            public void schedule(ScheduledCallback callback) {
                throw new UnsupportedOperationException();
            }

            public Optional<ScheduledCallback> scheduled(String id) {
                return Optional.ofNullable(scheduled.get(id));
            }

            public List<ScheduledCallback> scheduled(Instant from, Instant to) {
                return scheduled.values().stream().filter(c -> !c.at().isBefore(from) && c.at().isBefore(to))
                        .sorted((a, b) -> a.at().compareTo(b.at())).toList();
            }

            public boolean cancel(String id) {
                cancelled.add(id);
                return scheduled.remove(id) != null;
            }
        };
    }

    @Test
    public void aSupervisorSeesEveryCallbackInTheSpanAndAnAgentTheirOwn() {
        assertEquals(List.of("cb-b", "cb-a"), ids(resource.list(null, null, Callers.named("sofia"))));
        assertEquals(List.of("cb-b"), ids(resource.list("2026-11-23T12:00:00+03:00", "2026-11-23T12:30:00+03:00",
                Callers.named("sofia"))));
        assertEquals("an unencoded + arrives as a space", List.of("cb-b"), ids(resource.list(
                "2026-11-23T12:00:00 03:00", "2026-11-23T12:30:00 03:00", Callers.named("sofia"))));
        assertEquals(List.of("cb-a"), ids(resource.list(null, null, Callers.agent("anna"))));
    }

    @Test
    public void badSpansNameTheirField() {
        assertEquals("from", assertThrows(ProblemException.class,
                () -> resource.list("yesterday", null, Callers.named("sofia"))).field());
        assertEquals("to", assertThrows(ProblemException.class,
                () -> resource.list("2026-11-24T00:00:00Z", "2026-11-23T00:00:00Z", Callers.named("sofia"))).field());
    }

    @Test
    public void anAgentCancelsTheirOwnAndNotAColleaguesAndItIsAudited() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.cancel("cb-b", Callers.agent("anna"))).status());
        resource.cancel("cb-a", Callers.agent("anna"));

        assertEquals(List.of("cb-a"), cancelled);
        assertEquals(List.of("anna callback.cancel cb-a"), audit.entries);
        assertEquals(404, assertThrows(ProblemException.class,
                () -> resource.cancel("cb-a", Callers.named("sofia"))).status());
    }

    private static List<String> ids(List<ScheduledCallbackView> views) {
        return views.stream().map(ScheduledCallbackView::id).toList();
    }

    private ScheduledCallback callback(String id, String agent, Instant at) {
        return new ScheduledCallback(id, "call-" + id, "sales", 0, List.of(), null, "+79161234567", agent, Map.of(),
                at, now);
    }
}
