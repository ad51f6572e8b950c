package org.switchboard.api.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Flows and the entry points (numbers dialed) that lead to them. */
@ProviderType
public interface FlowService {

    List<String> names();

    /** A flow's JSON document as saved. */
    Optional<String> document(String name);

    /** Checks and saves a flow; {@link FlowInvalidException} names the step and the reason when it is wrong. */
    Flow save(String name, String json);

    /** Removes a flow; refused ({@link IllegalStateException}) while an entry point leads to it. */
    void delete(String name);

    /** Entry points: number dialed → flow name. */
    Map<String, String> entryPoints();

    /** Makes a number lead to a flow (which must exist). */
    void bindEntryPoint(String number, String flow);

    void unbindEntryPoint(String number);

    /**
     * Runs the flow of the number a call dialed; false (and nothing done) when the number is no entry point.
     */
    boolean start(CallSession call);
}
