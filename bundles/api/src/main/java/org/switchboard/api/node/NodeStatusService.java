package org.switchboard.api.node;

import org.osgi.annotation.versioning.ProviderType;

/** Reports the status of this node. */
@ProviderType
public interface NodeStatusService {

    NodeStatus status();
}
