package org.switchboard.rest.internal;

import javax.ws.rs.core.Response;

/** An RFC 7807 problem report; {@code field} names the input at fault when there is one. */
public record Problem(String type, String title, int status, String detail, String field) {

    static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String title, String detail, String field) {
        return new Problem("about:blank", title, status, detail, field);
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
