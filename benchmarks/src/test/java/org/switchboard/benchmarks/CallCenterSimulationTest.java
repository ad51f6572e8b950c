package org.switchboard.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** A short, seeded simulation of the real engine lands near Erlang C and keeps the M/M/N rules. */
public class CallCenterSimulationTest {

    @Test
    public void simulatedServiceLevelIsCloseToErlangC() {
        Scenario scenario = new Scenario(30, 35, 180, 20);
        SimulationResult result = new CallCenterSimulation(scenario, 30_000, 42).run();

        assertEquals(30_000, result.measuredCalls());
        assertTrue("engine rules: " + result, result.engineRulesKept());
        assertEquals("service level, pp: " + result, 0, result.serviceLevelDifferencePoints(), 5.0);
        assertEquals(scenario.erlangAverageSpeedOfAnswer(), result.averageSpeedOfAnswer(), 5.0);
    }

    @Test
    public void sameSeedSameFigures() {
        Scenario scenario = new Scenario(8, 10, 180, 20);
        SimulationResult first = new CallCenterSimulation(scenario, 2_000, 7).run();
        SimulationResult second = new CallCenterSimulation(scenario, 2_000, 7).run();

        assertEquals(first.serviceLevel(), second.serviceLevel(), 0);
        assertEquals(first.averageSpeedOfAnswer(), second.averageSpeedOfAnswer(), 0);
        assertEquals(first.totalCalls(), second.totalCalls());
    }
}
