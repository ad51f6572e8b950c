package org.switchboard.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Interaction;
import org.switchboard.api.acd.ScheduledCallback;
import org.switchboard.api.acd.ScheduledCallbackStore;
import org.switchboard.api.acd.SkillRequirement;

public class ScheduledCallbacksTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final InMemoryStore store = new InMemoryStore();
    /** "queue agent id customer channel" of each contact distribution was given. */
    private final BlockingQueue<String> submitted = new LinkedBlockingQueue<>();
    private volatile boolean queueRefuses;
    private final ScheduledCallbacks scheduler = new ScheduledCallbacks();

    @Before
    public void wire() {
        scheduler.store = store;
        scheduler.acd = (AcdService) Proxy.newProxyInstance(AcdService.class.getClassLoader(),
                new Class<?>[] {AcdService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "submit" -> submitted((Interaction) args[0], null);
                    case "submitTo" -> submitted((Interaction) args[0], (String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @After
    public void stop() {
        scheduler.deactivate();
    }

    @Test
    public void aDueCallbackEntersItsQueueOfferedFirstToItsAgentAndLeavesTheStore() throws Exception {
        scheduler.activate();

        scheduler.schedule(callback("cb-1", "anna", now));

        assertEquals("sales anna cb-1 +79161234567 CALLBACK", submitted.poll(10, TimeUnit.SECONDS));
        assertTrue(store.callbacks.isEmpty());
    }

    @Test
    public void callbacksKeptBeforeARestartAreArmedOnStart() throws Exception {
        store.save(callback("missed", null, now.minusSeconds(600)));

        scheduler.activate();

        assertEquals("sales null missed +79161234567 CALLBACK", submitted.poll(10, TimeUnit.SECONDS));
    }

    @Test
    public void aCancelledCallbackNeverEntersItsQueue() {
        scheduler.activate();
        scheduler.schedule(callback("cb-2", "anna", now.plusSeconds(3600)));

        assertTrue(scheduler.cancel("cb-2"));
        assertFalse(scheduler.cancel("cb-2"));
        scheduler.due("cb-2");

        assertTrue(submitted.isEmpty());
        assertTrue(scheduler.scheduled(now, now.plusSeconds(7200)).isEmpty());
    }

    @Test
    public void aCallbackAnotherNodeTookIsNotEnteredTwice() {
        scheduler.activate();
        scheduler.schedule(callback("cb-3", "anna", now.plusSeconds(3600)));
        store.remove("cb-3");

        scheduler.due("cb-3");

        assertTrue(submitted.isEmpty());
    }

    @Test
    public void aCallbackItsQueueRefusesIsKeptAtItsTimeForAnotherTry() {
        scheduler.activate();
        queueRefuses = true;
        store.save(callback("cb-4", "anna", now));

        scheduler.due("cb-4");

        assertEquals("sales anna cb-4 +79161234567 CALLBACK", submitted.poll());
        assertEquals(now, store.find("cb-4").orElseThrow().at());
    }

    @Test
    public void aCallbackRefusedForADayIsGivenUp() {
        scheduler.activate();
        queueRefuses = true;
        store.save(callback("cb-5", "anna", now.minus(ScheduledCallbacks.GIVE_UP).minusSeconds(1)));

        scheduler.due("cb-5");

        assertNull(store.callbacks.get("cb-5"));
    }

    private boolean submitted(Interaction contact, String agent) {
        submitted.add(contact.queue() + " " + agent + " " + contact.id() + " " + contact.customer() + " "
                + contact.channel());
        assertEquals(List.of(new SkillRequirement("russian", 5)), contact.requirements());
        assertEquals(Channel.CALLBACK, contact.channel());
        return !queueRefuses;
    }

    private ScheduledCallback callback(String id, String agent, Instant at) {
        return new ScheduledCallback(id, "call-" + id, "sales", 1, List.of(new SkillRequirement("russian", 5)),
                "+74951110000", "+79161234567", agent, Map.of("callbackFor", "call-" + id), at, now);
    }

    /** The store as the database keeps it, in memory. */
    private static final class InMemoryStore implements ScheduledCallbackStore {

        final Map<String, ScheduledCallback> callbacks = new ConcurrentSkipListMap<>();

        public void save(ScheduledCallback callback) {
            callbacks.put(callback.id(), callback);
        }

        public Optional<ScheduledCallback> find(String id) {
            return Optional.ofNullable(callbacks.get(id));
        }

        public boolean remove(String id) {
            return callbacks.remove(id) != null;
        }

        public List<ScheduledCallback> between(Instant from, Instant to) {
            return callbacks.values().stream().filter(c -> !c.at().isBefore(from) && c.at().isBefore(to)).toList();
        }

        public List<ScheduledCallback> pending() {
            return List.copyOf(callbacks.values());
        }
    }
}
