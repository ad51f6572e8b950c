package org.switchboard.rest.resources;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class OpenApiResourceTest {

    @Test
    public void documentDescribesRegisteredResources() throws Exception {
        OpenApiResource openApi = new OpenApiResource();
        openApi.add(HealthResource.class);
        openApi.add(AuthResource.class);

        String document = openApi.document();

        assertTrue(document, document.contains("\"/v1/health\""));
        assertTrue(document, document.contains("\"/v1/auth/session\""));
    }
}
