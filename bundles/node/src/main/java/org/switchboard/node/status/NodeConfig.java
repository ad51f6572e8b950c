package org.switchboard.node.status;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Identity of this node and the ports it reserves for the channels and the cluster. */
@ObjectClassDefinition(name = "Switchboard node",
        description = "Identity of this node and the ports reserved for SIP and the cluster")
public @interface NodeConfig {

    String PID = "org.switchboard.node";

    @AttributeDefinition(name = "Node name", description = "Name shown in status and cluster views; empty means the host name")
    String node_name() default "";

    @AttributeDefinition(name = "Cluster port", description = "Port of the cluster member", min = "1", max = "65535")
    int cluster_port() default 5701;
}
