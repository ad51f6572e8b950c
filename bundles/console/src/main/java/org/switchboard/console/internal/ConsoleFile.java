package org.switchboard.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;

/** One file of the console as found in the bundle: where to read it, its length and entity tag, and its gzip copy. */
final class ConsoleFile {

    private final String name;
    private final URL url;
    private final long length;
    private final String etag;
    private final ConsoleFile gzipCopy;

    ConsoleFile(String name, URL url, long length, String etag, ConsoleFile gzipCopy) {
        this.name = name;
        this.url = url;
        this.length = length;
        this.etag = etag;
        this.gzipCopy = gzipCopy;
    }

    /** The name below the console folder, such as {@code assets/app-1a2b.js}. */
    String name() {
        return name;
    }

    long length() {
        return length;
    }

    /** A strong entity tag from the content, so that it changes exactly when the bytes do. */
    String etag() {
        return etag;
    }

    /** The {@code .gz} copy that the front-end build wrote beside this file, if it did. */
    Optional<ConsoleFile> gzipCopy() {
        return Optional.ofNullable(gzipCopy);
    }

    InputStream open() throws IOException {
        return url.openStream();
    }
}
