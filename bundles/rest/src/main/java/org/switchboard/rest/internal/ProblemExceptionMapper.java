package org.switchboard.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.rest.SwitchboardExtension;

/** Reports a refused request as problem+json; logged at WARN without a stack, as it is the client's fault. */
@Component(service = ExceptionMapper.class)
@SwitchboardExtension
@AfterRestWhiteboard
@JaxrsName(ProblemExceptionMapper.NAME)
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    static final String NAME = "switchboard.problems";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @Override
    public Response toResponse(ProblemException problem) {
        LOG.warn("{} {}: {}{}", problem.status(), problem.title(), problem.getMessage(),
                problem.field() == null ? "" : " (field " + problem.field() + ")");
        return Problem.of(problem.status(), problem.title(), problem.getMessage(), problem.field()).toResponse();
    }
}
