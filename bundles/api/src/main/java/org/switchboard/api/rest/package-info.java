/** Types that REST resources in any bundle share: role requirements and problem reports. */
@Export
@Version("1.1.0")
package org.switchboard.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
