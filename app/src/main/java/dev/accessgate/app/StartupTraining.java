package dev.accessgate.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -XX:ArchiveClassesAtExit=accessgate.jsa -jar accessgate.jar startup-training}: the
 * training run of the class-data archive that {@code scripts/run} starts with (decision 13). It
 * starts the service as {@code serve} does, but on a throw-away SQLite file and a free loopback
 * port, sends it what a first client sends (an event, a check, a health probe), stops it and
 * exits; the JVM then writes every class loaded meanwhile to the archive, so that later starts
 * map them instead of reading, parsing and verifying them from the jar again. The build runs it
 * right after the jar is made.
 */
final class StartupTraining {

    static final String COMMAND = "startup-training";

    private static final Logger LOG = LoggerFactory.getLogger(StartupTraining.class);
    private static final String TOKEN = "startup-training-token-0123456789";
    /** The first request of scripts/bench/startup.sh: a Forge product event, stored and acknowledged. */
    private static final String EVENT = "{\"eventType\":\"avi:jira:updated:issue\",\"issue\":{\"id\":\"1\"}}";

    private StartupTraining() {
    }

    /** Runs the service once through its first requests; 0 when each was answered 200. */
    static int run() throws IOException {
        Path dir = Files.createTempDirectory("accessgate-training");
        try (ApplicationContext context = Micronaut.build(new String[0]).mainClass(AccessGate.class).banner(false)
                // Whatever the environment says (ACCESSGATE_DB, ACCESSGATE_DATABASE_URL, PORT), the
                // training must never touch a real database or port.
                .properties(Map.of(
                        "micronaut.server.host", "127.0.0.1",
                        "micronaut.server.port", -1,
                        "accessgate.db", dir.resolve("accessgate.db").toString(),
                        "accessgate.database-url", "",
                        "accessgate.security.api-token", TOKEN,
                        // A throw-away key: no warning about plain secrets in the build's output.
                        "accessgate.security.secret-key", "c3RhcnR1cC10cmFpbmluZy1rZXktMDEyMzQ1Njc4OTA="))
                .start()) {
            URI base = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort());
            int[] statuses = {
                request(base.resolve("/events"), "POST", EVENT),
                request(base.resolve("/v1/workspaces/training/objects/jira/issue/1"), "GET", null),
                request(base.resolve("/health"), "GET", null),
            };
            for (int status : statuses) {
                if (status != 200) {
                    LOG.error("startup training: a request was answered {}, expected 200", status);
                    return 1;
                }
            }
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    private static int request(URI uri, String method, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", "Bearer " + TOKEN);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
