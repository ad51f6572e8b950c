package org.switchboard.acd.rest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.OpeningHours;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueView;
import org.switchboard.api.rest.ProblemException;

public class QueueDeletionTest {

    private final QueuesResource resource = new QueuesResource();
    private final InMemoryAcdConfigStore config = new InMemoryAcdConfigStore();
    private final StubAcd acd = new StubAcd();
    private final RecordingAuditLog audit = new RecordingAuditLog();

    @Before
    public void wire() {
        resource.config = config;
        resource.acd = acd.service;
        resource.audit = audit;
        config.saveQueue(QueueDefinition.named("sales"));
        acd.service.defineQueue(QueueDefinition.named("sales"));
    }

    @Test
    public void anEmptyQueueLeavesDistributionAndTheStore() {
        resource.delete("sales", Callers.named("sue"));

        assertEquals(List.of("sales"), acd.removed);
        assertTrue(config.queues.isEmpty());
        assertEquals(List.of("sue queue.delete sales"), audit.entries);
    }

    @Test
    public void aQueueWithWaitingContactsStaysEverywhere() {
        acd.queues.put("sales", new QueueView(QueueDefinition.named("sales"), List.of("c-1")));

        ProblemException problem = assertThrows(ProblemException.class,
                () -> resource.delete("sales", Callers.named("sue")));

        assertEquals(409, problem.status());
        assertThat(problem.getMessage(), containsString("'sales'"));
        assertTrue("the stored rules stay", config.queues.containsKey("sales"));
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    public void aQueueOthersSendContactsOnToStays() {
        acd.service.defineQueue(QueueDefinition.named("day").withHours(
                new OpeningHours("mon-fri 09:00-18:00", ZoneOffset.UTC, Set.of()), "sales"));

        ProblemException problem = assertThrows(ProblemException.class,
                () -> resource.delete("sales", Callers.named("sue")));

        assertEquals(409, problem.status());
        assertThat(problem.getMessage(), containsString("[day]"));
        assertTrue(acd.removed.isEmpty());
    }

    @Test
    public void aQueueOnlyStoredIsDeletedToo() {
        acd.queues.clear();

        resource.delete("sales", Callers.named("sue"));

        assertTrue(config.queues.isEmpty());
    }

    @Test
    public void anUnknownQueueIsNotFound() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> resource.delete("nowhere", Callers.named("sue")));

        assertEquals(404, problem.status());
        assertThat(problem.getMessage(), containsString("'nowhere'"));
        assertTrue(acd.removed.isEmpty());
    }
}
