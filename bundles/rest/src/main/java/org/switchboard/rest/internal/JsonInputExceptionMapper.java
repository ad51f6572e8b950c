package org.switchboard.rest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardExtension;

/** Malformed or mistyped JSON input: 400 naming the field at fault, as a dotted path. */
@Component(service = ExceptionMapper.class)
@SwitchboardExtension
@AfterRestWhiteboard
@JaxrsName("switchboard.json-input")
public class JsonInputExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return problem(exception).toResponse();
    }

    static Problem problem(JsonProcessingException exception) {
        String field = null;
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
        }
        return Problem.of(400, "Invalid JSON", detail(exception, field), field);
    }

    /** A message for the client that names the problem without the server's class names. */
    private static String detail(JsonProcessingException exception, String field) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "Unknown field '" + field + "'";
        }
        if (exception instanceof MismatchedInputException && field != null) {
            return "Field '" + field + "' has a value of the wrong type or format";
        }
        JsonLocation location = exception.getLocation();
        return location == null ? "Malformed JSON"
                : "Malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
