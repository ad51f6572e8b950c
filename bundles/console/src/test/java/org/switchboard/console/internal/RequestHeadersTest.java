package org.switchboard.console.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class RequestHeadersTest {

    @Test
    public void gzipIsAcceptedWhenNamedOrMatchedWithAQuality() {
        assertTrue(RequestHeaders.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(RequestHeaders.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(RequestHeaders.acceptsGzip("*"));
        assertTrue(RequestHeaders.acceptsGzip("x-gzip"));
        assertFalse(RequestHeaders.acceptsGzip(null));
        assertFalse(RequestHeaders.acceptsGzip("identity"));
        assertFalse(RequestHeaders.acceptsGzip("gzip;q=0"));
        assertFalse(RequestHeaders.acceptsGzip("*;q=0"));
        assertFalse("named with q=0 wins over the wildcard", RequestHeaders.acceptsGzip("*, gzip;q=0"));
        assertFalse(RequestHeaders.acceptsGzip("gzip;q=nonsense"));
    }

    @Test
    public void ifNoneMatchComparesWeakly() {
        assertTrue(RequestHeaders.matches("\"abc\"", "\"abc\""));
        assertTrue(RequestHeaders.matches("\"x\", W/\"abc\"", "\"abc\""));
        assertTrue(RequestHeaders.matches("*", "\"abc\""));
        assertFalse(RequestHeaders.matches("\"abd\"", "\"abc\""));
        assertFalse(RequestHeaders.matches(null, "\"abc\""));
    }
}
