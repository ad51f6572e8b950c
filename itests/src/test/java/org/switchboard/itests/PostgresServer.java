package org.switchboard.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A throw-away PostgreSQL 15 server on a free loopback port, from Debian's binaries, trusting local users. */
public final class PostgresServer implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String DATABASE = "switchboard";

    private final Path folder;
    private final Path data;
    private final int port = FreePorts.next();

    private PostgresServer(Path folder) {
        this.folder = folder;
        this.data = folder.resolve("data");
    }

    public static PostgresServer start() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (" + BIN + "): install the Debian package"
                    + " 'postgresql', or skip this test with -Dswitchboard.it.postgres=off");
        }
        PostgresServer server = new PostgresServer(Files.createTempDirectory("switchboard-pg"));
        if (runningAsRoot()) {
            // PostgreSQL refuses to run as root: its folder belongs to the postgres user.
            run(List.of("chown", "postgres:postgres", server.folder.toString()));
        }
        server.asPostgres(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-sync");
        server.asPostgres(BIN.resolve("pg_ctl").toString(), "-D", server.data.toString(),
                "-l", server.folder.resolve("postgres.log").toString(), "-w", "start", "-o",
                "-c listen_addresses=127.0.0.1 -p " + server.port + " -k " + server.folder + " -c fsync=off");
        server.sql("CREATE DATABASE " + DATABASE, "postgres");
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Runs a query in the appliance's database and returns its unaligned output. */
    public String query(String sql) throws Exception {
        return sql(sql, DATABASE).trim();
    }

    private String sql(String sql, String database) throws Exception {
        return asPostgres(BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                "postgres", "-d", database, "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    @Override
    public void close() throws Exception {
        try {
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private String asPostgres(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (runningAsRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        // In the server's own folder: the postgres user may not enter the test's working directory (a clone
        // under a private temporary folder), and psql would mix its complaint about that into the output.
        return run(line, folder);
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
