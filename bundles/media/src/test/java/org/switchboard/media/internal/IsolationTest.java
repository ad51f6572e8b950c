package org.switchboard.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** One leg whose step fails does not stop the step for the legs after it, pass after pass. */
public class IsolationTest {

    @Test
    public void aFailingItemDoesNotStopTheOthers() {
        Isolation isolation = new Isolation();
        List<String> ticked = new ArrayList<>();
        List<String> legs = List.of("a", "broken", "c");
        for (int pass = 0; pass < 3; pass++) {
            isolation.forEach(legs, "Prompt playout", leg -> {
                if (leg.equals("broken")) {
                    throw new IllegalArgumentException("port out of range");
                }
                ticked.add(leg);
            });
        }
        assertEquals(List.of("a", "c", "a", "c", "a", "c"), ticked);
        assertTrue(isolation.failed("broken"));
        assertFalse(isolation.failed("a"));
    }

    @Test
    public void anItemForgottenStartsClean() {
        Isolation isolation = new Isolation();
        isolation.forEach(List.of("leg"), "Mixing", leg -> {
            throw new IllegalStateException("closed");
        });
        isolation.forget("leg");
        assertFalse(isolation.failed("leg"));
    }
}
