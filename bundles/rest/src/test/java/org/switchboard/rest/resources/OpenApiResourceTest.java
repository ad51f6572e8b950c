package org.switchboard.rest.resources;

import static org.junit.Assert.assertTrue;

import java.util.Set;
import org.junit.Test;

public class OpenApiResourceTest {

    @Test
    public void documentDescribesRegisteredResources() throws Exception {
        String document = OpenApiResource.document(Set.of(HealthResource.class, AuthResource.class));

        assertTrue(document, document.contains("\"/v1/health\""));
        assertTrue(document, document.contains("\"/v1/auth/session\""));
    }
}
