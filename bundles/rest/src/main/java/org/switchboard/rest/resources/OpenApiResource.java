package org.switchboard.rest.resources;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.rest.AfterRestWhiteboard;
import org.switchboard.api.rest.SwitchboardResource;
import org.switchboard.rest.internal.RegisteredResources;

/**
 * The OpenAPI document of every resource registered with the Switchboard application right now,
 * read from their JAX-RS and OpenAPI annotations, so that it follows features as they come and go.
 */
@Component(service = OpenApiResource.class)
@SwitchboardResource
@AfterRestWhiteboard
@Path("openapi.json")
public class OpenApiResource {

    @Reference
    RegisteredResources registered;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() throws Exception {
        return document(registered.classes());
    }

    /** The OpenAPI document describing these resource classes. */
    static String document(Set<Class<?>> resources) throws Exception {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Switchboard API").version("v1")
                        .description("Contact-center appliance. Sign in with HTTP Basic or POST /v1/auth/session."))
                .addServersItem(new Server().url("/api"));
        Set<Class<?>> classes = new LinkedHashSet<>(resources);
        classes.remove(OpenApiResource.class);
        OpenAPI document = new Reader(new SwaggerConfiguration().openAPI(base)).read(classes);
        return Json.mapper().writeValueAsString(document);
    }
}
