package dev.accessgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandLine cli = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void no_arguments_or_serve_run_the_service() {
        assertThat(CommandLine.servesWith(new String[0])).isTrue();
        assertThat(CommandLine.servesWith(new String[] {"serve"})).isTrue();
        assertThat(CommandLine.servesWith(new String[] {"filter", "check"})).isFalse();
    }

    @Test
    void an_unknown_command_exits_2_with_the_usage_on_stderr() {
        assertThat(cli.run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: frobnicate").contains("usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void help_prints_the_usage_and_exits_0() {
        assertThat(cli.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void descriptor_prints_the_migration_webhook_fragment_with_the_base_url_when_set() {
        CommandLine withBase = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                java.util.Map.of("ACCESSGATE_BASE_URL", "https://app.example.com"));

        assertThat(withBase.run("descriptor")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s", "")).isEqualTo(
                "{\"baseUrl\":\"https://app.example.com\",\"cloudAppMigration\":{\"migrationWebhookPath\":\"/migration/events\"}}");
    }

    @Test
    void descriptor_without_a_base_url_prints_the_fragment_alone() {
        CommandLine noBase = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of());

        assertThat(noBase.run("descriptor")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s", ""))
                .isEqualTo("{\"cloudAppMigration\":{\"migrationWebhookPath\":\"/migration/events\"}}");
    }
}
