package org.switchboard.store.hazelcast;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The embedded Hazelcast member ({@code etc/org.switchboard.store.hazelcast.cfg}). */
@ObjectClassDefinition(name = "Switchboard Hazelcast store", description = "The embedded Hazelcast member that keeps distribution's live state")
@interface HazelcastStoreConfig {

    String PID = "org.switchboard.store.hazelcast";

    @AttributeDefinition(name = "Cluster name", description = "Members join only a cluster of the same name")
    String cluster_name() default "switchboard";

    @AttributeDefinition(name = "Address", description = "The interface the member binds to and announces")
    String address() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port of the member", min = "1", max = "65535")
    int port() default 5701;

    @AttributeDefinition(name = "Members", description = "host:port of other members to join, comma separated; empty: a single member")
    String members() default "";
}
