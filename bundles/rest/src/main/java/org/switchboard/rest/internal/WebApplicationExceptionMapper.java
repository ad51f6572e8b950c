package org.switchboard.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardExtension;

/** JAX-RS's own refusals (unknown path, wrong method or media type) as problem+json. */
@Component(service = ExceptionMapper.class)
@SwitchboardExtension
@AfterRestWhiteboard
@JaxrsName("switchboard.web-errors")
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Problem problem = Problem.of(status.getStatusCode(), status.getReasonPhrase(), exception.getMessage(), null);
        return Response.fromResponse(original).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
