package org.switchboard.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the console's static files under {@code /console}. */
@Component(service = ConsoleResources.class)
@HttpWhiteboardResource(pattern = "/console/*", prefix = "/console")
public class ConsoleResources {
}
