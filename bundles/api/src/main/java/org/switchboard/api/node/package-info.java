/** What a node reports about itself: identity, uptime, database and installed features. */
@Export
@Version("1.1.0")
package org.switchboard.api.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
