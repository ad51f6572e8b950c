package org.switchboard.sip.internal;

import java.nio.file.Path;

/**
 * What the endpoint's configuration sets for calls: how many at once, the music callers hold to, where
 * conversations are recorded, and what phones dial before an extension to pick up the call ringing there.
 */
record CallSettings(int maxCalls, String holdMusic, Path recordings, String pickupPrefix) {
}
