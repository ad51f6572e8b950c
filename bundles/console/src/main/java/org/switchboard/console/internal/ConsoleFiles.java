package org.switchboard.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The console's files, looked up by name in one folder and described once each. */
final class ConsoleFiles {

    private final Function<String, URL> lookup;
    // A bundle's content never changes while this object lives (an update brings a new bundle and a new servlet),
    // so each file is read once for its length and tag. Only files that exist are kept: the map is bounded by
    // the console's own files, however many missing names are asked for.
    private final Map<String, ConsoleFile> described = new ConcurrentHashMap<>();

    /** Files found by {@code lookup}, which maps a name such as {@code index.html} to its URL or null. */
    ConsoleFiles(Function<String, URL> lookup) {
        this.lookup = lookup;
    }

    /** The files under {@code folder} (e.g. {@code console/}) on a class loader: a bundle's own class path in OSGi. */
    static ConsoleFiles onClassPath(ClassLoader loader, String folder) {
        return new ConsoleFiles(name -> loader.getResource(folder + name));
    }

    /** The file for a request path below the console, empty when it is missing or the path is refused. */
    Optional<ConsoleFile> find(String pathInfo) {
        return ConsolePaths.fileName(pathInfo).flatMap(this::named);
    }

    private Optional<ConsoleFile> named(String name) {
        ConsoleFile known = described.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        URL url = lookup.apply(name);
        if (url == null) {
            return Optional.empty();
        }
        ConsoleFile gzip = name.endsWith(".gz") ? null : named(name + ".gz").orElse(null);
        ConsoleFile file = describe(name, url, gzip);
        described.putIfAbsent(name, file);
        return Optional.of(file);
    }

    private static ConsoleFile describe(String name, URL url, ConsoleFile gzip) {
        try (InputStream in = url.openStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[16 * 1024];
            long length = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
                length += read;
            }
            // Half of SHA-256 is ample to tell versions of one file apart and keeps the header short.
            String tag = "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
            return new ConsoleFile(name, url, length, tag, gzip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
