/**
 * Control of live calls: what the console and supervisors do to a call in progress (hold, transfer, hang up,
 * listen / whisper / barge in), provided by the voice channel.
 */
@Export
@Version("1.1.0")
package org.switchboard.api.voice;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
