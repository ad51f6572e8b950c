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

    @Test
    public void aTerminatorAloneAnswersNothing() {
        DigitCollector collector = new DigitCollector(4, "#*", answers::add);
        assertFalse(collector.hasKeys());
        assertTrue(collector.key('*'));
        assertTrue(collector.hasKeys());
        assertTrue(collector.done());
        assertEquals(List.of(""), answers);
    }

    @Test
    public void withoutTerminatorsEveryKeyIsADigit() {
        DigitCollector collector = new DigitCollector(3, "", answers::add);
        collector.key('#');
        collector.key('*');
        assertTrue(collector.key('0'));
        assertEquals(List.of("#*0"), answers);
    }

    @Test
    public void theAnswerIsGivenOnceWhateverEndsTheCollection() {
        DigitCollector collector = new DigitCollector(2, "#", answers::add);
        collector.key('1');
        int generation = collector.generation();
        assertTrue(collector.key('#'));
        assertFalse("silence after the end", collector.silence(collector.generation()));
        assertFalse(collector.silence(generation));
        assertFalse(collector.key('2'));
        assertEquals(List.of("1"), answers);
        assertEquals("keys after the end are not counted", generation + 1, collector.generation());
    }

    @Test
    public void aSingleKeyMenuAnswersAtTheFirstKey() {
        DigitCollector menu = new DigitCollector(1, "#", answers::add);
        assertFalse(menu.done());
        assertTrue(menu.key('3'));
        assertTrue(menu.done());
        assertEquals(List.of("3"), answers);
    }

    @Test
    public void eachKeyMakesEarlierSilenceTimersStale() {
        DigitCollector collector = new DigitCollector(10, "#", answers::add);
        collector.key('1');
        int afterFirst = collector.generation();
        collector.key('2');
        int afterSecond = collector.generation();
        assertFalse(collector.silence(afterFirst));
        assertFalse(collector.done());
        assertTrue(collector.silence(afterSecond));
        assertEquals(List.of("12"), answers);
    }
}
