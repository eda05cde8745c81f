package dev.accessgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.app.cli.load.LoadOptions;
import dev.accessgate.app.cli.load.LoadRunner;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator against a real service, small and bounded. */
class LoadCommandTest {

    @TempDir
    Path dir;

    @Test
    void policy_then_check_load_reports_every_request_and_its_units() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("accessgate.db", dir.resolve("load.db").toString(), "micronaut.server.port", -1))) {
            String url = server.getURL().toString();
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

            LoadRunner.Report policy = new LoadRunner().run(LoadOptions.parse("policy", new String[] {"--url", url,
                    "--requests", "20", "--size", "50", "--order", "sorted", "--concurrency", "4"}, 0), quiet);
            LoadRunner.Report check = new LoadRunner().run(LoadOptions.parse("check", new String[] {"--url", url,
                    "--requests", "200", "--ids", "1000", "--rate", "500", "--concurrency", "4", "--token",
                    "app-test-token-0123456789abcdef"}, 0), quiet);

            assertThat(policy.requests()).isEqualTo(20);
            assertThat(policy.statuses()).isEqualTo(Map.of(200, 20L));
            assertThat(policy.units()).isEqualTo(1_000);
            assertThat(check.statuses()).isEqualTo(Map.of(200, 200L));
            assertThat(check.latency().getTotalCount()).isEqualTo(200);
            assertThat(check.describe()).contains("p99").contains("200 requests");
        }
    }

    @Test
    void load_is_refused_for_anything_but_loopback() {
        assertThatThrownBy(() -> LoadOptions.parse("check", new String[] {"--url", "http://192.0.2.1:8080"}, 0))
                .hasMessageContaining("loopback");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run("load", "check", "--url", "http://192.0.2.1:8080")).isEqualTo(2);
        assertThat(cli.run("load", "check", "--seconds", "3600")).isEqualTo(2);
        assertThat(cli.run("load", "nonsense")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("loopback").contains("duration");
    }
}
