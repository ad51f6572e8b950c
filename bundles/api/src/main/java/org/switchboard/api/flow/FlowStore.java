package org.switchboard.api.flow;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** Where flow documents and entry points are kept (the database). */
@ProviderType
public interface FlowStore {

    /** Every flow: name → JSON document. */
    Map<String, String> flows();

    void saveFlow(String name, String json);

    void deleteFlow(String name);

    /** Every entry point: number → flow name. */
    Map<String, String> entryPoints();

    void saveEntryPoint(String number, String flow);

    void deleteEntryPoint(String number);
}
