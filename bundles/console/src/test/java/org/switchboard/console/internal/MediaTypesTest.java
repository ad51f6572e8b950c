package org.switchboard.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MediaTypesTest {

    @Test
    public void typesOfAFrontEndBuild() {
        assertEquals("text/html; charset=utf-8", MediaTypes.of("index.html"));
        assertEquals("text/javascript; charset=utf-8", MediaTypes.of("assets/index-DiwrgTda.js"));
        assertEquals("text/css; charset=utf-8", MediaTypes.of("assets/index-C0GpTMb5.css"));
        assertEquals("image/svg+xml", MediaTypes.of("logo.svg"));
        assertEquals("application/json", MediaTypes.of("manifest.json"));
        assertEquals("font/woff2", MediaTypes.of("assets/inter-latin.woff2"));
        assertEquals("image/png", MediaTypes.of("icon.PNG"));
        assertEquals("image/x-icon", MediaTypes.of("favicon.ico"));
        assertEquals(MediaTypes.UNKNOWN, MediaTypes.of("README"));
        assertTrue(MediaTypes.isHtml("index.html"));
        assertFalse(MediaTypes.isHtml("index.js"));
    }
}
