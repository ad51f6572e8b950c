package org.switchboard.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** A small centre is driven through full cycles and the requested number of decisions is measured; no timing is asserted. */
public class SteadyStateRunTest {

    @Test
    public void measuresTheRequestedDecisions() {
        Population centre = PopulationGenerator.generate(200, 12, 10, 6);
        ThroughputResult result = new SteadyStateRun(centre, new ThroughputSettings(0.9, 300, 60, 300, 60, 6)).run();

        assertEquals(300, result.timings().decisionCount());
        assertTrue(result.toString(), result.timings().offers() >= 300);
        assertTrue(result.toString(), result.timings().commandCount() > result.timings().decisionCount());
        assertTrue(result.toString(), result.arrived() > 0 && result.simulatedSeconds() > 0);
        assertTrue(result.toString(), result.occupancy() > 0 && result.occupancy() <= 1);
    }
}
