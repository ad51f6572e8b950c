package org.switchboard.rest.internal;

import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardResource;

/**
 * The Switchboard REST application under {@code /api}. It is served only while authentication, JSON
 * and problem reporting are present, so that no resource is ever reachable without them.
 */
@Component(service = Application.class)
@JaxrsName(SwitchboardResource.APPLICATION)
@AfterRestWhiteboard
@JaxrsApplicationBase("api")
@JaxrsExtensionSelect({
        "(osgi.jaxrs.name=" + AuthenticationFilter.NAME + ")",
        "(osgi.jaxrs.name=" + JsonProvider.NAME + ")",
        "(osgi.jaxrs.name=" + ProblemExceptionMapper.NAME + ")"})
public class SwitchboardApplication extends Application {
}
