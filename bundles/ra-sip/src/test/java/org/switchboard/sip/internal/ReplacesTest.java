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

    @Test
    public void tagNamesAreReadWhateverTheirCaseAndSpacing() {
        assertEquals(new Replaces("abc@host", "t1", "f1"),
                Replaces.parse(" abc@host ; To-Tag = t1 ; FROM-TAG=f1").orElseThrow());
    }

    @Test
    public void anEmptyTagIsATagButAnEmptyCallIdIsNoDialog() {
        assertEquals(new Replaces("abc@host", "", "f1"), Replaces.parse("abc@host;to-tag;from-tag=f1").orElseThrow());
        assertTrue(Replaces.parse("  ;to-tag=t;from-tag=f").isEmpty());
        assertTrue(Replaces.parse("").isEmpty());
    }

    @Test
    public void anIncompleteEscapeIsKeptAsItIs() {
        assertEquals(new Replaces("abc%4", "t", "f"), Replaces.parse("abc%4;to-tag=t;from-tag=f").orElseThrow());
        assertEquals(new Replaces("abc%zz", "t", "f"), Replaces.parse("abc%zz;to-tag=t;from-tag=f").orElseThrow());
        assertEquals("a trailing percent", new Replaces("abc", "t", "f%"),
                Replaces.parse("abc;to-tag=t;from-tag=f%").orElseThrow());
    }

    @Test
    public void escapedBytesAreReadAsUtf8() {
        assertEquals(new Replaces("caf\u00e9@host", "t", "f"),
                Replaces.parse("caf%C3%A9%40host%3Bto-tag%3Dt%3Bfrom-tag%3Df").orElseThrow());
    }

    @Test
    public void theLastOfARepeatedTagCounts() {
        assertEquals(new Replaces("abc", "t2", "f"), Replaces.parse("abc;to-tag=t1;to-tag=t2;from-tag=f").orElseThrow());
    }
}
