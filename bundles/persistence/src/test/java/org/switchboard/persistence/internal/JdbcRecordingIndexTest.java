package org.switchboard.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.media.Recording;

public class JdbcRecordingIndexTest {

    private JdbcRecordingIndex index;

    @Before
    public void setUp() {
        index = new JdbcRecordingIndex();
        index.database = TestDatabases.migrated();
    }

    @Test
    public void recordingsAreFoundByIdAndInteractionNewestFirstInTheList() {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        Recording first = new Recording("r1", "call-1", "anna", "79161234567", "100", start, start.plusSeconds(65),
                "/var/rec/r1.wav");
        Recording second = new Recording("r2", "call-1", "boris", "79161234567", "100", start.plusSeconds(70),
                start.plusSeconds(90), "/var/rec/r2.wav");
        Recording other = new Recording("r3", "call-2", null, null, null, start, start, "/var/rec/r3.wav");
        index.add(first);
        index.add(second);
        index.add(other);

        assertEquals(first, index.find("r1").orElseThrow());
        assertTrue(index.find("nope").isEmpty());
        assertEquals(List.of(first, second), index.ofInteraction("call-1"));
        assertEquals(List.of(other, second), index.recent(2));
    }
}
