/**
 * Flows (IVR scenarios): what a caller hears and chooses before reaching a queue, chosen by the number
 * dialed. Flows are JSON documents kept in the database; a channel runs one through a {@link CallSession}.
 */
@Export
@Version("1.1.0")
package org.switchboard.api.flow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
