package org.switchboard.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.switchboard.api.store.ContactStore;

/** Distribution's configuration ({@code etc/org.switchboard.acd.cfg}). */
@ObjectClassDefinition(name = "Switchboard contact distribution", description = "Where distribution keeps its live state")
@interface AcdConfig {

    String PID = "org.switchboard.acd";
    String LOCAL_STORE = "(" + ContactStore.KIND + "=local)";
    String HAZELCAST_STORE = "(" + ContactStore.KIND + "=hazelcast)";

    @AttributeDefinition(name = "Live store", description = "Where contacts in line and agent reservations are kept:"
            + " this JVM's memory, or the Hazelcast member (feature switchboard-store-hazelcast)",
            options = {@Option(label = "local", value = LOCAL_STORE), @Option(label = "hazelcast", value = HAZELCAST_STORE)})
    String store_target() default LOCAL_STORE;
}
