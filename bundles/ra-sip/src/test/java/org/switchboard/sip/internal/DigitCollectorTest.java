package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class DigitCollectorTest {

    private final List<String> answers = new ArrayList<>();

    @Test
    public void collectionEndsAtTheMaximumOrTheTerminatorWhichIsNotKept() {
        DigitCollector three = new DigitCollector(3, "#", answers::add);
        assertFalse(three.key('1'));
        assertFalse(three.key('2'));
        assertTrue(three.key('3'));
        assertFalse("nothing after the end", three.key('4'));
        DigitCollector account = new DigitCollector(10, "#", answers::add);
        account.key('4');
        account.key('2');
        assertTrue(account.key('#'));
        assertEquals(List.of("123", "42"), answers);
    }

    @Test
    public void silenceEndsItUnlessAKeyCameSinceTheTimerWasSet() {
        DigitCollector collector = new DigitCollector(5, "", answers::add);
        int before = collector.generation();
        collector.key('7');
        assertFalse("a stale timer", collector.silence(before));
        assertTrue(collector.silence(collector.generation()));
        assertEquals(List.of("7"), answers);

        DigitCollector nothing = new DigitCollector(1, "", answers::add);
        assertTrue(nothing.silence(nothing.generation()));
        assertEquals("", answers.get(1));
    }
}
