package org.switchboard.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardExtension;

/** JSON for the REST application: ISO-8601 instants, no nulls, unknown fields and trailing content refused. */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@SwitchboardExtension
@AfterRestWhiteboard
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType({"application/json", "application/problem+json"})
public class JsonProvider extends JacksonJsonProvider {

    static final String NAME = "switchboard.json";

    public JsonProvider() {
        super(mapper());
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
