package org.switchboard.api.acd;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives distribution events in order. Each listener is called on its own thread, so a slow one
 * delays only itself; it must not call back into distribution synchronously.
 */
@ConsumerType
public interface AcdListener {

    void onEvent(AcdEvent event);
}
