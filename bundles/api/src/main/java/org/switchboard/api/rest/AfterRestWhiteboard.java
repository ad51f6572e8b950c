package org.switchboard.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Holds a JAX-RS component back until the JAX-RS whiteboard has finished starting (a satisfying condition,
 * Declarative Services 1.5). The whiteboard's start-up tracking is not safe against services registered at
 * the same moment from another thread: put this on every Switchboard resource, extension and application.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AfterRestWhiteboard {

    /** The condition registered once the whiteboard has settled. */
    String CONDITION_ID = "switchboard.rest.whiteboard";

    String osgi_ds_satisfying_condition_target() default "(osgi.condition.id=" + CONDITION_ID + ")";
}
