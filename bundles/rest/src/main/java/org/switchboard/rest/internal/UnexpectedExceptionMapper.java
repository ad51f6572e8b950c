package org.switchboard.rest.internal;

import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardExtension;

/** A fault of the appliance: logged at ERROR with an incident id the client is given to quote. */
@Component(service = ExceptionMapper.class)
@SwitchboardExtension
@AfterRestWhiteboard
@JaxrsName("switchboard.unexpected")
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(RuntimeException exception) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Request failed, incident {}", incident, exception);
        return Problem.of(500, "Internal error", "The appliance failed to answer; incident " + incident, null)
                .toResponse();
    }
}
