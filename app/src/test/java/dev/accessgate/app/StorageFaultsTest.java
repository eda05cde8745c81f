package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.ConnectJwts;
import dev.accessgate.adapters.http.HttpDriver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, part 3: the database file cannot be written (another process holds its lock, the
 * disk is full). Every ingest endpoint answers 503 application/problem+json with Retry-After,
 * stores nothing, readiness is DOWN, and once the fault clears everything works again in the
 * same process.
 */
class StorageFaultsTest {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFaultsTest.class);
    private static final String BASE_URL = "https://gateway.example.com";
    private static final String CLIENT = "faults-client";
    private static final String SECRET = "faults-shared-secret-0123456789abcdefghij";

    @TempDir
    Path dir;
    private EmbeddedServer server;
    private HttpDriver atlassian;
    private HttpDriver api;
    private Path mounted;
    private final List<Path> immutable = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Path file : immutable) {
            run("chattr", "-i", file.toString());
        }
        if (server != null) {
            server.close();
        }
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    private void start(Path db) {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "accessgate.db", db.toString(),
                "micronaut.server.port", -1,
                "accessgate.base-url", BASE_URL,
                "accessgate.sqlite-busy-timeout", "200ms",
                "accessgate.connect.allow-unsigned-installs", true));
        atlassian = new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class));
        api = atlassian.withBearer(Http.API_TOKEN);
    }

    private static String policyEvent(String id, int objects) {
        String ids = IntStream.range(0, objects).mapToObj(n -> "\"" + id + "-" + n + "\"").collect(Collectors.joining(","));
        return """
                {"specversion":"1.0","id":"%s","type":"avi:ecosystem.app_policy:blocked:app_access_to_objects.v2",
                 "source":"atlassian.com/ecosystem","time":"2024-05-01T10:00:00Z",
                 "data":{"workspace":{"cloudId":"faults"},"objects":[{"product":"jira","type":"issue","ids":[%s]}]}}"""
                .formatted(id, ids);
    }

    private HttpDriver.Reply install(String clientKey) {
        return atlassian.post("/connect/installed", "application/json", """
                {"key":"faults-app","clientKey":"%s","sharedSecret":"%s","baseUrl":"https://faults.atlassian.net",
                 "eventType":"installed"}""".formatted(clientKey, SECRET));
    }

    private HttpDriver.Reply migration(String messageId, String jwt) {
        return atlassian.post("/migration/events", "application/json", ("""
                {"eventType":"listener-triggered","cloudAppKey":"faults-app","transferId":"t-1","messageId":"%s",
                 "serverAppVersion":"1.0","migrationDetails":{"migrationId":"m","migrationScopeId":"s","name":"n",
                 "createdAt":1597193662,"jiraClientKey":"unknown","confluenceClientKey":"unknown",
                 "cloudUrl":"https://faults.atlassian.net"}}""").formatted(messageId).getBytes(), "Authorization", jwt);
    }

    private static void assertUnavailable(HttpDriver.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(reply.json()).containsEntry("status", 503)
                .containsEntry("type", "urn:accessgate:problem:store-unavailable");
    }

    @Test
    void a_lock_held_by_another_connection_gets_503_with_retry_after_and_clears_without_a_restart() throws Exception {
        Path db = dir.resolve("locked.db");
        start(db);
        assertThat(install(CLIENT).status()).isEqualTo(204);
        String jwt = "JWT " + ConnectJwts.sign(server.getApplicationContext().getBean(JsonMapper.class),
                new ConnectJwts.Request("POST", BASE_URL + "/migration/events", BASE_URL, SECRET, CLIENT,
                        Instant.now(), 600));

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            assertUnavailable(atlassian.post("/events", Http.CE, policyEvent("while-locked", 3)));
            assertUnavailable(migration("while-locked", jwt));
            assertUnavailable(install("second-client"));
            assertThat(api.get("/health/readiness").status()).as("not ready while locked").isEqualTo(503);
            // Reads go on (WAL): nothing of the refused writes is there.
            assertThat(api.get("/v1/events/while-locked").status()).isEqualTo(404);
            assertThat(api.get("/v1/events/migration:while-locked").status()).isEqualTo(404);
            lock.execute("ROLLBACK");
        }

        assertThat(api.get("/health/readiness").status()).as("ready again").isEqualTo(200);
        assertThat(atlassian.post("/events", Http.CE, policyEvent("while-locked", 3)).json())
                .containsEntry("status", "applied");
        assertThat(migration("while-locked", jwt).status()).isEqualTo(200);
        assertThat(install("second-client").status()).isEqualTo(204);
        assertThat(api.get("/v1/workspaces/faults/objects/jira/issue/while-locked-2").json())
                .containsEntry("blocked", true);
    }

    @Test
    void a_full_disk_gets_503_stores_nothing_half_and_clears_when_space_is_freed() throws Exception {
        Path volume = Files.createDirectories(dir.resolve("small-disk"));
        int mount = run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", volume.toString());
        Assumptions.assumeTrue(mount == 0, () -> {
            String reason = "skipped: cannot mount a 8 MiB tmpfs here (needs root; mount exited " + mount + ")";
            LOG.warn(reason);
            return reason;
        });
        mounted = volume;
        start(volume.resolve("full.db"));
        assertThat(atlassian.post("/events", Http.CE, policyEvent("before-full", 10)).status()).isEqualTo(200);

        Path filler = volume.resolve("filler");
        fill(filler);
        List<String> stored = new ArrayList<>();
        String refused = null;
        for (int n = 0; n < 500 && refused == null; n++) {
            String id = "on-full-disk-" + n;
            HttpDriver.Reply reply = atlassian.post("/events", Http.CE, policyEvent(id, 400));
            if (reply.status() == 200) {
                stored.add(id);
            } else {
                assertUnavailable(reply);
                refused = id;
            }
        }
        assertThat(refused).as("a full disk refuses a write at last").isNotNull();
        assertThat(api.get("/health/readiness").status()).as("not ready with the disk full").isEqualTo(503);
        assertThat(api.get("/v1/events/" + refused).status()).as("nothing of the refused event").isEqualTo(404);
        assertThat(api.get("/v1/workspaces/faults/objects/jira/issue/" + refused + "-0").json())
                .containsEntry("blocked", false);
        for (String id : stored) {
            assertThat(api.get("/v1/events/" + id).status()).as("acknowledged means stored: " + id).isEqualTo(200);
        }

        Files.delete(filler);
        assertThat(api.get("/health/readiness").status()).as("ready again").isEqualTo(200);
        assertThat(atlassian.post("/events", Http.CE, policyEvent(refused, 400)).json())
                .containsEntry("status", "applied");
        assertThat(api.get("/v1/workspaces/faults/objects/jira/issue/" + refused + "-399").json())
                .containsEntry("blocked", true);
    }

    @Test
    void a_read_only_file_gets_503_stores_nothing_and_clears_when_writable_again() throws Exception {
        Path db = dir.resolve("read-only.db");
        start(db);
        assertThat(atlassian.post("/events", Http.CE, policyEvent("before-read-only", 3)).status()).isEqualTo(200);
        // As root, permissions do not stop writes; the immutable attribute does, even on open files.
        List<Path> files = List.of(db, Path.of(db + "-wal"));
        for (Path file : files) {
            int status = run("chattr", "+i", file.toString());
            Assumptions.assumeTrue(status == 0, () -> {
                String reason = "skipped: cannot make " + file + " immutable here (chattr exited " + status + ")";
                LOG.warn(reason);
                return reason;
            });
            immutable.add(file);
        }

        assertUnavailable(atlassian.post("/events", Http.CE, policyEvent("while-read-only", 3)));
        assertUnavailable(install("read-only-client"));
        assertThat(api.get("/health/readiness").status()).as("not ready while read-only").isEqualTo(503);
        assertThat(api.get("/v1/events/while-read-only").status()).isEqualTo(404);

        for (Path file : files) {
            assertThat(run("chattr", "-i", file.toString())).isZero();
        }
        immutable.clear();
        assertThat(Http.eventually(10, () -> api.get("/health/readiness").status() == 200))
                .as("ready again: " + api.get("/health/readiness").body()).isTrue();
        assertThat(atlassian.post("/events", Http.CE, policyEvent("while-read-only", 3)).json())
                .containsEntry("status", "applied");
        assertThat(install("read-only-client").status()).isEqualTo(204);
        assertThat(api.get("/v1/workspaces/faults/objects/jira/issue/while-read-only-2").json())
                .containsEntry("blocked", true);
        assertThat(api.get("/v1/workspaces/faults/objects/jira/issue/before-read-only-0").json())
                .containsEntry("blocked", true);
    }

    /** Writes until the disk refuses. */
    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            LOG.info("filled the disk: {}", full.getMessage());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        if (process.exitValue() != 0) {
            LOG.warn("{} exited {}: {}", String.join(" ", command), process.exitValue(), output.trim());
        }
        return process.exitValue();
    }
}
