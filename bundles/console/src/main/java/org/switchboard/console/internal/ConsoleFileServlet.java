package org.switchboard.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Serves the console's files from the bundle's {@code console/} folder under {@code /console}, with cache, compression and security headers. */
@Component(service = Servlet.class)
// Pax Web names an unnamed servlet after its service interface and refuses a second one of the same name.
@HttpWhiteboardServletName("switchboard-console-files")
@HttpWhiteboardServletPattern("/console/*")
public class ConsoleFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The front-end build puts a hash of the content into every name under assets/: such a name never changes content. */
    static final String HASHED_FOLDER = "assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Un-hashed files (index.html above all) are checked with the server on every use, cheaply thanks to the ETag. */
    static final String REVALIDATE = "no-cache";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private final transient ConsoleFiles files;

    public ConsoleFileServlet() {
        this(ConsoleFiles.onClassPath(ConsoleFileServlet.class.getClassLoader(), "console/"));
    }

    ConsoleFileServlet(ConsoleFiles files) {
        this.files = files;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // HttpServlet's own HEAD runs GET into a discarding stream; here the headers alone are enough.
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        Optional<ConsoleFile> found = files.find(request.getPathInfo());
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ConsoleFile file = found.get();
        ConsoleFile sent = file.gzipCopy()
                .filter(gzip -> RequestHeaders.acceptsGzip(request.getHeader("Accept-Encoding")))
                .orElse(file);

        response.setHeader("X-Content-Type-Options", "nosniff");
        if (file.gzipCopy().isPresent()) {
            // Caches must keep the compressed and the plain answer apart.
            response.setHeader("Vary", "Accept-Encoding");
        }
        if (file.name().startsWith(HASHED_FOLDER)) {
            response.setHeader("Cache-Control", IMMUTABLE);
        } else {
            response.setHeader("Cache-Control", REVALIDATE);
            response.setHeader("ETag", sent.etag());
            if (RequestHeaders.matches(request.getHeader("If-None-Match"), sent.etag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setContentType(MediaTypes.of(file.name()));
        if (MediaTypes.isHtml(file.name())) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (sent != file) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLengthLong(sent.length());
        if (withBody) {
            try (InputStream in = sent.open(); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }
}
