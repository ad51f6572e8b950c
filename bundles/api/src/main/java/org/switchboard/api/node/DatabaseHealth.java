package org.switchboard.api.node;

import org.osgi.annotation.versioning.ProviderType;

/** Checks that the appliance's database answers; published by the persistence bundle. */
@ProviderType
public interface DatabaseHealth {

    /** Runs a cheap query against the database and reports the outcome; never throws. */
    ComponentHealth check();
}
