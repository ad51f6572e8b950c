package org.switchboard.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Registers a DS component as a JAX-RS extension (filter, mapper, provider) of the Switchboard application. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SwitchboardExtension {

    String PREFIX_ = "osgi.jaxrs.";

    boolean extension() default true;

    String application_select() default SwitchboardResource.APPLICATION_FILTER;
}
