package org.switchboard.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.switchboard.api.acd.AgentProfile;

/** The generated centre is reproducible and every queue can be served. */
public class PopulationGeneratorTest {

    @Test
    public void sameSeedSameCentre() {
        Population first = PopulationGenerator.generate(500, 20, 15, 3);
        Population second = PopulationGenerator.generate(500, 20, 15, 3);

        assertEquals(first.agents(), second.agents());
        assertEquals(first.queues(), second.queues());
    }

    @Test
    public void agentsHaveTwoToSixSkillsAtLevelsOneToTen() {
        Population centre = PopulationGenerator.generate(500, 20, 15, 4);

        for (AgentProfile agent : centre.agents()) {
            assertTrue(agent.toString(), agent.skills().size() >= 2 && agent.skills().size() <= 6);
            assertTrue(agent.toString(), agent.skills().values().stream().allMatch(level -> level >= 1 && level <= 10));
            assertTrue(agent.toString(), agent.capacity().values().stream().mapToInt(Integer::intValue).sum() > 0);
        }
    }

    @Test
    public void everyQueueHasAgentsAndArrivals() {
        Population centre = PopulationGenerator.generate(500, 20, 15, 5);

        for (QueueProfile queue : centre.queues()) {
            assertTrue(queue.toString(), queue.eligibleAgents() >= 3);
            assertTrue(queue.toString(), queue.arrivalsPerSecondAtFullLoad() > 0);
            assertTrue(queue.toString(), queue.requirements().size() >= 1 && queue.requirements().size() <= 2);
        }
        assertEquals(PopulationGenerator.STRATEGIES.size(),
                centre.queues().stream().map(queue -> queue.definition().strategy()).distinct().count());
    }
}
