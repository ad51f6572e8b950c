package org.switchboard.acd.rest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.Skill;
import org.switchboard.api.rest.ProblemException;

/** A pushed contact's required skills must be in the catalogue, and its queue must exist. */
public class InteractionSubmitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InteractionsResource resource = new InteractionsResource();
    private final InMemoryAcdConfigStore config = new InMemoryAcdConfigStore();
    private final StubAcd acd = new StubAcd();

    @Before
    public void wire() {
        resource.config = config;
        resource.acd = acd.service;
        config.saveSkill(new Skill("russian", ""));
        acd.service.defineQueue(QueueDefinition.named("sales"));
    }

    @Test
    public void anUnknownRequiredSkillIsRefusedByName() {
        ProblemException problem = refused("{\"channel\":\"CHAT\",\"queue\":\"sales\",\"skills\":"
                + "[{\"skill\":\"russian\",\"minimumLevel\":5},{\"skill\":\"juggling\"}]}");

        assertEquals(400, problem.status());
        assertEquals("skills.skill", problem.field());
        assertThat(problem.getMessage(), containsString("'juggling'"));
    }

    @Test
    public void anUnknownQueueIsNotFoundByName() {
        ProblemException problem = refused("{\"channel\":\"CHAT\",\"queue\":\"nowhere\","
                + "\"skills\":[{\"skill\":\"russian\"}]}");

        assertEquals(404, problem.status());
        assertEquals("queue", problem.field());
        assertThat(problem.getMessage(), containsString("'nowhere'"));
    }

    private ProblemException refused(String json) {
        return assertThrows(ProblemException.class,
                () -> resource.submit(JSON.readValue(json, InteractionBody.class)));
    }
}
