package org.switchboard.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The Erlang formulas against hand-worked and independently computed values. */
public class ErlangCTest {

    @Test
    public void erlangBMatchesHandWorkedValues() {
        assertEquals(0.5, ErlangC.erlangB(1, 1), 1e-12);
        assertEquals(0.2, ErlangC.erlangB(2, 1), 1e-12);
        assertEquals(4.0 / 19, ErlangC.erlangB(3, 2), 1e-12);
    }

    @Test
    public void probabilityOfWaitMatchesKnownValues() {
        assertEquals(1.0 / 3, ErlangC.probabilityOfWait(2, 1), 1e-12);
        assertEquals(4.0 / 9, ErlangC.probabilityOfWait(3, 2), 1e-12);
        assertEquals(0.6821, ErlangC.probabilityOfWait(11, 10), 1e-4);
        // Direct sum with exact factorials (Python), for the check's own scenarios.
        assertEquals(0.2845824624135075, ErlangC.probabilityOfWait(35, 30), 1e-12);
        assertEquals(0.11191509488362866, ErlangC.probabilityOfWait(38, 30), 1e-12);
        assertEquals(0.41954477393258705, ErlangC.probabilityOfWait(127, 120), 1e-12);
    }

    @Test
    public void serviceLevelAndAverageSpeedOfAnswer() {
        assertEquals(0.3896138117291533, ErlangC.serviceLevel(11, 10, 180, 20), 1e-12);
        assertEquals(122.78127684407983, ErlangC.averageSpeedOfAnswer(11, 10, 180), 1e-9);
        assertEquals(0.8367198387083682, ErlangC.serviceLevel(35, 30, 180, 20), 1e-12);
        assertEquals(10.244968646886269, ErlangC.averageSpeedOfAnswer(35, 30, 180), 1e-9);
        assertEquals(0.8072502965160546, ErlangC.serviceLevel(127, 120, 180, 20), 1e-12);
        assertEquals(10.788294186837954, ErlangC.averageSpeedOfAnswer(127, 120, 180), 1e-9);
        assertEquals(1 - ErlangC.probabilityOfWait(35, 30), ErlangC.serviceLevel(35, 30, 180, 0), 1e-12);
    }

    @Test
    public void staysFiniteForLargeCentres() {
        double wait = ErlangC.probabilityOfWait(5000, 4950);
        assertTrue("P(wait) " + wait, wait > 0 && wait < 1);
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesAnOverloadedCentre() {
        ErlangC.probabilityOfWait(30, 30);
    }
}
