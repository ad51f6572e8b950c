package org.switchboard.rest.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.switchboard.api.rest.ProblemException;

public class AuditResourceTest {

    private static void assertRefused(String limit) {
        ProblemException problem = assertThrows(ProblemException.class, () -> AuditResource.parseLimit(limit));
        assertEquals("limit", problem.field());
        assertEquals(400, problem.status());
    }

    @Test
    public void acceptsLowestLimit() {
        assertEquals(1, AuditResource.parseLimit("1"));
    }

    @Test
    public void acceptsHighestLimit() {
        assertEquals(1000, AuditResource.parseLimit("1000"));
    }

    @Test
    public void acceptsLimitWithSurroundingSpaces() {
        assertEquals(42, AuditResource.parseLimit("  42 "));
    }

    @Test
    public void refusesZero() {
        assertRefused("0");
    }

    @Test
    public void refusesMoreThanMaximum() {
        assertRefused("1001");
    }

    @Test
    public void refusesNegative() {
        assertRefused("-5");
    }

    @Test
    public void refusesText() {
        assertRefused("abc");
    }

    @Test
    public void refusesEmpty() {
        assertRefused("");
    }
}
