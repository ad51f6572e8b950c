/** Automatic contact distribution: interactions, agents, queues, routing strategies and their events. */
@Export
@Version("2.4.0")
package org.switchboard.api.acd;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
