package dev.accessgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** send, check and backup against a real embedded server on a real SQLite file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerCommandsTest {

    private static final String TOKEN = "app-test-token-0123456789abcdef";
    private static final String SECRET = "cli-shared-secret-0123456789-abcdefghijklmnop";

    private Path dir;
    private EmbeddedServer server;
    private String url;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    void start(@TempDir Path dir) {
        this.dir = dir;
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "accessgate.db", dir.resolve("cli.db").toString(),
                "micronaut.server.port", -1,
                "accessgate.connect.allow-unsigned-installs", true));
        url = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        out.reset();
        err.reset();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("backup")) {
            all.addAll(List.of("--url", url));
        }
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("ACCESSGATE_API_TOKEN", TOKEN))
                .run(all.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_large_block_is_chunked_under_the_limit_and_check_answers_with_its_exit_code() {
        assertThat(run("send", "policy", "--ids", "30000", "--workspace", "ws-cli", "--max-bytes", "20000",
                "--mode", "binary")).as(err()).isZero();
        assertThat(out()).contains("30000 id(s)").contains("in binary mode").contains("0 refused");
        int events = Integer.parseInt(out().replaceAll("(?s)^sent (\\d+) .*", "$1"));
        assertThat(events).as("20 kB events of 30,000 ids").isGreaterThan(8);
        assertThat(err()).contains("[" + "#".repeat(30) + "] " + events + "/" + events + " events, 30000/30000 ids");

        assertThat(run("check", "ws-cli", "jira", "issue", "29999")).isEqualTo(Check.BLOCKED);
        assertThat(out()).contains("\"blocked\":true");
        assertThat(run("check", "ws-cli", "jira", "issue", "30001")).isEqualTo(Check.NOT_BLOCKED);
        assertThat(out()).contains("\"blocked\":false");
        assertThat(run("check", "ws-cli", "jira", "issue", "1", "--token", "wrong-token-0123456789"))
                .isEqualTo(Check.NO_ANSWER);
        assertThat(err()).contains("HTTP 401");
    }

    @Test
    void every_kind_of_event_goes_in_every_mode() throws Exception {
        for (String mode : List.of("structured", "binary", "plain")) {
            assertThat(run("send", "policy", "--version", "v1", "--mode", mode)).as(mode + ": " + out()).isZero();
            assertThat(run("send", "container", "--workspace", "ws-modes", "--mode", mode)).as(out()).isZero();
            assertThat(run("send", "lifecycle", "--event", "installed", "--mode", mode)).as(out()).isZero();
            assertThat(out()).contains("\"status\":\"stored\"");
        }
        assertThat(run("send", "lifecycle", "--event", "upgraded")).as(out()).isZero();
        Path fixture = Path.of("../application/src/test/resources/fixtures/policy-objects-blocked.v2.json");
        assertThat(run("send", "file", fixture.toString())).as(out()).isZero();
        assertThat(out()).contains("\"newlyBlocked\"");
        assertThat(run("check", "abc123", "confluence", "whiteboard", "45678")).isEqualTo(Check.BLOCKED);
        assertThat(run("check", "ws-modes", "confluence", "page", "1")).isEqualTo(Check.NOT_BLOCKED);
    }

    @Test
    void connect_callbacks_and_migration_webhooks_are_signed_with_the_shared_secret() {
        assertThat(run("send", "connect", "--event", "installed", "--client-key", "cli-client", "--secret", SECRET))
                .as(out()).isZero();
        assertThat(run("send", "connect", "--event", "enabled", "--client-key", "cli-client", "--secret", SECRET))
                .as(out()).isZero();
        assertThat(run("send", "migration", "--client-key", "cli-client", "--secret", SECRET, "--transfer-id",
                "cli-transfer")).as(out()).isZero();
        assertThat(run("send", "migration", "--client-key", "cli-client", "--secret", SECRET, "--transfer-id",
                "cli-transfer", "--event", "app-data-uploaded")).as(out()).isZero();

        assertThat(run("send", "connect", "--event", "disabled", "--client-key", "cli-client", "--secret",
                "another-secret-0123456789-abcdefghijklmnop")).isEqualTo(1);
        assertThat(out()).contains("HTTP 401");
        assertThat(run("send", "connect", "--event", "enabled", "--client-key", "cli-client", "--secret", "short"))
                .isEqualTo(2);
        assertThat(run("send", "policy", "--mode", "carrier-pigeon")).isEqualTo(2);
        assertThat(err()).contains("unknown mode carrier-pigeon");
    }

    @Test
    void backup_copies_the_live_file_and_the_copy_opens_with_the_data() throws Exception {
        assertThat(run("send", "policy", "--ids", "500", "--workspace", "ws-backup")).isZero();
        Path copy = dir.resolve("copy.db");

        assertThat(run("backup", copy.toString(), "--db", dir.resolve("cli.db").toString())).as(err()).isZero();

        assertThat(out()).contains("integrity ok");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM blocked_objects WHERE cloud_id = 'ws-backup'")) {
            assertThat(rows.getLong(1)).isEqualTo(500);
        }
        assertThat(run("backup", copy.toString(), "--db", dir.resolve("cli.db").toString())).isEqualTo(1);
        assertThat(err()).contains("never overwrites");
        assertThat(run("backup", dir.resolve("other.db").toString(), "--db", dir.resolve("missing.db").toString()))
                .isEqualTo(1);
        assertThat(Files.exists(dir.resolve("other.db"))).isFalse();
    }
}
