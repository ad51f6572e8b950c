/**
 * Where distribution keeps its live state so that another routing writer (after a restart of the core, or
 * another cluster member) can take over: contacts in line and the reservation of each agent.
 */
@Export
@Version("1.0.0")
package org.switchboard.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
