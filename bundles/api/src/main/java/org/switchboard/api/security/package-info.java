/** Users, roles and sessions as the appliance's components see them. */
@Export
@Version("1.1.0")
package org.switchboard.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
