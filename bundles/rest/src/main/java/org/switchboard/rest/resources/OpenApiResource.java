package org.switchboard.rest.resources;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.rest.SwitchboardResource;

/**
 * The OpenAPI document of every resource registered with the Switchboard application right now,
 * read from their JAX-RS and OpenAPI annotations, so that it follows features as they come and go.
 */
@Component(service = OpenApiResource.class)
@SwitchboardResource
@Path("openapi.json")
public class OpenApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);
    private final Map<Long, Class<?>> resources = new ConcurrentHashMap<>();

    /** Resources are registered under their own classes, so they are found by their properties alone. */
    static final String RESOURCES = "(&(osgi.jaxrs.resource=true)(osgi.jaxrs.application.select=\\(osgi.jaxrs.name="
            + SwitchboardResource.APPLICATION + "\\)))";

    private ServiceTracker<Object, Long> tracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter(RESOURCES), null) {
            @Override
            public Long addingService(ServiceReference<Object> reference) {
                Long id = (Long) reference.getProperty(Constants.SERVICE_ID);
                String type = ((String[]) reference.getProperty(Constants.OBJECTCLASS))[0];
                try {
                    resources.put(id, reference.getBundle().loadClass(type));
                } catch (ClassNotFoundException | IllegalStateException e) {
                    LOG.warn("Resource {} left out of the OpenAPI document: {}", type, e.toString());
                }
                return id;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Long id) {
                resources.remove(id);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** Adds a resource class outside OSGi, for tests. */
    void add(Class<?> resource) {
        resources.put((long) -resources.size() - 1, resource);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() throws Exception {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Switchboard API").version("v1")
                        .description("Contact-center appliance. Sign in with HTTP Basic or POST /v1/auth/session."))
                .addServersItem(new Server().url("/api"));
        Set<Class<?>> classes = new LinkedHashSet<>(resources.values());
        classes.remove(OpenApiResource.class);
        OpenAPI document = new Reader(new SwaggerConfiguration().openAPI(base)).read(classes);
        return Json.mapper().writeValueAsString(document);
    }
}
