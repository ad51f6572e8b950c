package org.switchboard.core.acd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.switchboard.core.acd.Fixtures.agent;
import static org.switchboard.core.acd.Fixtures.call;

import java.time.Duration;
import java.util.Random;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueFigures;
import org.switchboard.api.acd.ServiceLevel;
import org.switchboard.store.local.LocalContactStore;

public class FiguresBookTest {

    private final TestClock clock = new TestClock();
    private FiguresBook book;
    private AcdEngine engine;

    @Before
    public void setUp() {
        book = new FiguresBook(clock, queue -> new ServiceLevel(Duration.ofSeconds(20), 80));
        engine = new AcdEngine(clock, event -> book.record(event), new Random(3), new LocalContactStore());
        engine.defineQueue(QueueDefinition.named("sales").withWrapUp(Duration.ofSeconds(30)));
        engine.login(agent("anna"));
    }

    private QueueFigures figures() {
        return book.figures("sales", engine.waiting("sales").size(), engine.longestWaitingSince("sales"));
    }

    @Test
    public void emptyQueueHasNoAverages() {
        QueueFigures figures = figures();
        assertEquals(0, figures.entered());
        assertNull(figures.serviceLevelPercent());
        assertNull(figures.averageSpeedOfAnswerSeconds());
        assertEquals(clock.instant().atZone(clock.getZone()).toLocalDate().atStartOfDay(clock.getZone()).toInstant(),
                figures.since());
    }

    @Test
    public void serviceLevelSpeedOfAnswerAbandonsAndHandleTime() {
        engine.submit(call("fast", "sales", 0, clock.instant()));
        engine.submit(call("slow", "sales", 0, clock.instant()));
        engine.submit(call("gave-up", "sales", 0, clock.instant()));
        engine.submit(call("hung-up-at-once", "sales", 0, clock.instant()));
        clock.advance(Duration.ofSeconds(2));
        engine.abandon("hung-up-at-once");
        assertEquals(3, figures().waiting());
        assertEquals(2, figures().longestWaitSeconds());

        clock.advance(Duration.ofSeconds(8));
        engine.ready("anna");
        engine.accept("fast", "anna");
        clock.advance(Duration.ofSeconds(120));
        engine.end("fast");
        clock.advance(Duration.ofSeconds(30));
        engine.complete("fast", "sale", null);
        engine.abandon("gave-up");
        engine.accept("slow", "anna");

        QueueFigures figures = figures();
        assertEquals(4, figures.entered());
        assertEquals(2, figures.answered());
        assertEquals(1, figures.answeredInThreshold());
        assertEquals(2, figures.abandoned());
        assertEquals(1, figures.shortAbandoned());
        assertEquals("1 in 20 s of (2 answered + 2 abandoned - 1 short)", 100.0 / 3,
                figures.serviceLevelPercent(), 0.001);
        assertEquals("(10 + 160) / 2", 85.0, figures.averageSpeedOfAnswerSeconds(), 0.001);
        assertEquals("120 s talk + 30 s wrap-up", 150.0, figures.averageHandleTimeSeconds(), 0.001);
        assertEquals(0, figures.waiting());
    }

    @Test
    public void countersStartAgainAtMidnight() {
        engine.submit(call("yesterday", "sales", 0, clock.instant()));
        clock.advance(Duration.ofDays(1));
        assertEquals(0, figures().entered());
        assertEquals(1, figures().waiting());
    }
}
