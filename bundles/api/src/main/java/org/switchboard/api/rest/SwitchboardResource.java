package org.switchboard.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Registers a DS component as a JAX-RS resource of the Switchboard REST application under
 * {@code /api}, where authentication, JSON and problem reports apply to it.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SwitchboardResource {

    String PREFIX_ = "osgi.jaxrs.";

    /** The name of the Switchboard JAX-RS application. */
    String APPLICATION = "switchboard";

    /** Selects the Switchboard application, for resources and extensions. */
    String APPLICATION_FILTER = "(osgi.jaxrs.name=" + APPLICATION + ")";

    boolean resource() default true;

    String application_select() default APPLICATION_FILTER;
}
