package org.switchboard.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ConsoleFileServletTest {

    private static final String INDEX = "<!doctype html><title>Switchboard</title><script src=\"assets/app-1a2b3c.js\"></script>";
    private static final String SCRIPT = "console.log('the console');".repeat(20);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path console;
    private ConsoleFileServlet servlet;

    @Before
    public void consoleBuild() throws IOException {
        // A secret beside the console folder, which no request path may reach.
        Files.writeString(folder.getRoot().toPath().resolve("secret.txt"), "not for browsers");
        console = folder.newFolder("console").toPath();
        write("index.html", INDEX.getBytes(StandardCharsets.UTF_8));
        write("assets/app-1a2b3c.js", SCRIPT.getBytes(StandardCharsets.UTF_8));
        write("assets/app-1a2b3c.js.gz", gzip(SCRIPT));
        write("assets/app-4d5e6f.css", "body{margin:0}".getBytes(StandardCharsets.UTF_8));
        write("assets/inter-7a8b.woff2", new byte[] {0x77, 0x4f, 0x46, 0x32});
        write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
        write("favicon.ico", new byte[] {0, 0, 1, 0});
        servlet = new ConsoleFileServlet(new ConsoleFiles(name -> {
            Path file = console.resolve(name);
            try {
                return Files.isRegularFile(file) ? file.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    @Test
    public void indexIsRevalidatedAndLockedDown() throws Exception {
        FakeExchange get = send(new FakeExchange("GET", "/index.html"));

        assertEquals(200, get.status);
        assertEquals(INDEX, get.body.toString(StandardCharsets.UTF_8));
        assertEquals("text/html; charset=utf-8", get.responseHeader("Content-Type"));
        assertEquals("no-cache", get.responseHeader("Cache-Control"));
        assertTrue(get.responseHeader("ETag").matches("\"[0-9a-f]{32}\""));
        assertEquals("nosniff", get.responseHeader("X-Content-Type-Options"));
        assertEquals("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "connect-src 'self'; frame-ancestors 'none'", get.responseHeader("Content-Security-Policy"));
        assertEquals(String.valueOf(INDEX.getBytes(StandardCharsets.UTF_8).length), get.responseHeader("Content-Length"));
        assertNull("no gzip copy, nothing to vary on", get.responseHeader("Vary"));
    }

    @Test
    public void unchangedIndexAnswers304() throws Exception {
        String etag = send(new FakeExchange("GET", "/index.html")).responseHeader("ETag");

        FakeExchange again = send(new FakeExchange("GET", "/index.html").header("If-None-Match", etag));
        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
        assertEquals(etag, again.responseHeader("ETag"));
        assertEquals("no-cache", again.responseHeader("Cache-Control"));

        FakeExchange stale = send(new FakeExchange("GET", "/index.html").header("If-None-Match", "\"older\""));
        assertEquals(200, stale.status);
    }

    @Test
    public void hashedAssetsAreCachedForAYear() throws Exception {
        FakeExchange css = send(new FakeExchange("GET", "/assets/app-4d5e6f.css"));

        assertEquals(200, css.status);
        assertEquals("text/css; charset=utf-8", css.responseHeader("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", css.responseHeader("Cache-Control"));
        assertEquals("nosniff", css.responseHeader("X-Content-Type-Options"));
        assertNull(css.responseHeader("Content-Security-Policy"));
    }

    @Test
    public void gzipCopyGoesToClientsThatAcceptIt() throws Exception {
        FakeExchange zipped = send(new FakeExchange("GET", "/assets/app-1a2b3c.js").header("Accept-Encoding", "gzip, deflate, br"));

        assertEquals(200, zipped.status);
        assertEquals("gzip", zipped.responseHeader("Content-Encoding"));
        assertEquals("Accept-Encoding", zipped.responseHeader("Vary"));
        assertEquals("text/javascript; charset=utf-8", zipped.responseHeader("Content-Type"));
        assertEquals(String.valueOf(zipped.body.size()), zipped.responseHeader("Content-Length"));
        assertEquals(SCRIPT, gunzip(zipped.body.toByteArray()));

        FakeExchange plain = send(new FakeExchange("GET", "/assets/app-1a2b3c.js").header("Accept-Encoding", "gzip;q=0, br"));
        assertNull(plain.responseHeader("Content-Encoding"));
        assertEquals("Accept-Encoding", plain.responseHeader("Vary"));
        assertEquals(SCRIPT, plain.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void plainAndGzipAnswersHaveTheirOwnTags() throws Exception {
        write("about.txt", "about".getBytes(StandardCharsets.UTF_8));
        write("about.txt.gz", gzip("about"));

        FakeExchange plain = send(new FakeExchange("GET", "/about.txt"));
        FakeExchange zipped = send(new FakeExchange("GET", "/about.txt").header("Accept-Encoding", "gzip"));

        assertNotNull(plain.responseHeader("ETag"));
        assertNotEquals(plain.responseHeader("ETag"), zipped.responseHeader("ETag"));
        assertEquals(304, send(new FakeExchange("GET", "/about.txt").header("Accept-Encoding", "gzip")
                .header("If-None-Match", zipped.responseHeader("ETag"))).status);
        assertEquals(200, send(new FakeExchange("GET", "/about.txt")
                .header("If-None-Match", zipped.responseHeader("ETag"))).status);
    }

    @Test
    public void typesOfTheOtherFiles() throws Exception {
        assertEquals("image/svg+xml", send(new FakeExchange("GET", "/logo.svg")).responseHeader("Content-Type"));
        assertEquals("image/x-icon", send(new FakeExchange("GET", "/favicon.ico")).responseHeader("Content-Type"));
        assertEquals("font/woff2", send(new FakeExchange("GET", "/assets/inter-7a8b.woff2")).responseHeader("Content-Type"));
    }

    @Test
    public void headHasTheHeadersWithoutTheBody() throws Exception {
        FakeExchange head = send(new FakeExchange("HEAD", "/index.html"));

        assertEquals(200, head.status);
        assertEquals(0, head.body.size());
        assertEquals(String.valueOf(INDEX.getBytes(StandardCharsets.UTF_8).length), head.responseHeader("Content-Length"));
        assertNotNull(head.responseHeader("ETag"));
    }

    @Test
    public void missingFilesAndEscapesAre404() throws Exception {
        for (String path : new String[] {"/nothing.js", "/assets/", "/assets", "/../secret.txt", "/assets/../../secret.txt",
                "/./index.html", "/assets//app-1a2b3c.js", "/", "", null}) {
            FakeExchange missing = send(new FakeExchange("GET", path));
            assertEquals(String.valueOf(path), 404, missing.status);
            assertEquals(0, missing.body.size());
        }
    }

    private FakeExchange send(FakeExchange exchange) throws Exception {
        servlet.service(exchange.request(), exchange.response());
        return exchange;
    }

    private void write(String name, byte[] content) throws IOException {
        Path file = console.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
