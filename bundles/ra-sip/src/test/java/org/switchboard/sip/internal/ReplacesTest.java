package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ReplacesTest {

    @Test
    public void readsTheDialogFromAnEscapedValue() {
        Replaces replaces = Replaces.parse("a84b4c76e66710%40pc33.example.com%3Bto-tag%3D8609%3Bfrom-tag%3D1928301774")
                .orElseThrow();
        assertEquals(new Replaces("a84b4c76e66710@pc33.example.com", "8609", "1928301774"), replaces);
    }

    @Test
    public void readsAnUnescapedValueWithTagsInAnyOrderAndKeepsAPlus() {
        assertEquals(new Replaces("x+y@host", "t", "f"),
                Replaces.parse("x+y@host;from-tag=f;early-only;to-tag=t").orElseThrow());
    }

    @Test
    public void namesNoDialogWithoutBothTags() {
        assertTrue(Replaces.parse("abc;to-tag=1").isEmpty());
        assertTrue(Replaces.parse(";to-tag=1;from-tag=2").isEmpty());
        assertTrue(Replaces.parse(null).isEmpty());
    }
}
