/** The audit log: who did what to the appliance, and when. */
@Export
@Version("1.0.0")
package org.switchboard.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
