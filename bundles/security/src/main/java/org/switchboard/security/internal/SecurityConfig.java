package org.switchboard.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Session lifetime of the console and API clients. */
@ObjectClassDefinition(name = "Switchboard sessions", description = "Lifetime of sign-in sessions")
public @interface SecurityConfig {

    String PID = "org.switchboard.security";

    @AttributeDefinition(name = "Idle timeout (minutes)", description = "A session unused this long expires", min = "1")
    int session_idle_minutes() default 30;

    @AttributeDefinition(name = "Maximum session (hours)", description = "A session ends this long after sign-in", min = "1")
    int session_max_hours() default 12;
}
