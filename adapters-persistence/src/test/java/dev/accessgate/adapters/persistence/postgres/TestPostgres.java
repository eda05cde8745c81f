package dev.accessgate.adapters.persistence.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of a test JVM: started on first use by the project's own script
 * (scripts/postgres/ensure-postgres.sh, which installs Debian's package when missing), stopped
 * and deleted when the JVM exits. Each {@link #freshDatabase()} is a new, migrated database,
 * copied from a template that is migrated once.
 */
public final class TestPostgres {

    private static final String TEMPLATE = "accessgate_template";
    private static TestPostgres instance;

    private final Path script;
    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    /** The server of this JVM, started on first call. */
    public static synchronized TestPostgres server() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        try {
            Path script = findScript();
            Path dir = Files.createTempDirectory("accessgate-pg");
            int port = freePort();
            TestPostgres server = new TestPostgres(script, dir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-test-postgres"));
            run(script.toString(), "start", dir.toString(), Integer.toString(port), "--fast");
            server.createTemplate();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database with every migration applied (its own name, never used by another test). */
    public PostgresSettings freshDatabase() {
        String name = "test_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return settings(name, 4);
    }

    /** The URL of {@code database} with its credentials, as ACCESSGATE_DATABASE_URL takes it. */
    public String url(String database) {
        return "postgresql://accessgate:accessgate@127.0.0.1:" + port + "/" + database;
    }

    /** A fresh database's name, for processes that connect by URL. */
    public String freshDatabaseName() {
        String name = "test_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return name;
    }

    public PostgresSettings settings(String database, int poolSize) {
        return PostgresSettings.parse(url(database), poolSize);
    }

    private void createTemplate() {
        admin("CREATE DATABASE " + TEMPLATE);
        PostgresDatabase.open(settings(TEMPLATE, 1)).close();
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "accessgate", "accessgate");
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            run(script.toString(), "stop", dir.toString());
        } catch (RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Runs the script with its output in files, not pipes: the server it starts outlives it,
     * and a pipe a server process inherited would never reach its end.
     */
    private static void run(String... command) {
        try {
            Path log = Files.createTempFile("accessgate-pg-script", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " failed: "
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/postgres/ensure-postgres.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("scripts/postgres/ensure-postgres.sh not found above " + Path.of("")
                .toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
