/**
 * Voicemail: messages callers leave for a queue's mailbox in a flow, kept with their recording until someone
 * listens to them.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.voicemail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
