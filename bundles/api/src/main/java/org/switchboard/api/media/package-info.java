/**
 * Media of calls anchored in the appliance: RTP legs towards each party, bridges between two legs,
 * prompt playback, DTMF detection and recording.
 */
@Export
@Version("1.1.0")
package org.switchboard.api.media;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
