package org.switchboard.sip.internal;

import java.nio.file.Path;

/**
 * What the endpoint's configuration sets for calls: how many at once, how many new ones a second, how late calls
 * in progress may be handled before new ones are refused, the music callers hold to, where conversations are
 * recorded, and what phones dial before an extension to pick up the call ringing there.
 */
record CallSettings(int maxCalls, int maxCallRate, long maxLagMillis, String holdMusic, Path recordings,
        String pickupPrefix) {
}
