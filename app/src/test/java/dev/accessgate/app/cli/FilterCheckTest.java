package dev.accessgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filter check}, exactly as SPEC 3.3 describes its output and exit codes. */
class FilterCheckTest {

    private static final String DOC_EXAMPLE = "event.issue.fields?.issueType.name == 'Bug'";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandLine cli = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private Path event(String json) throws Exception {
        Path file = dir.resolve("event.json");
        Files.writeString(file, json);
        return file;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void a_true_result_prints_one_json_line_and_exits_0() throws Exception {
        Path file = event("{\"issue\": {\"fields\": {\"issueType\": {\"name\": \"Bug\"}}}}");

        assertThat(cli.run("filter", "check", DOC_EXAMPLE, file.toString())).isZero();
        assertThat(output()).isEqualTo("{\"result\":true,\"error\":null,\"steps\":7,\"complexity\":\"7\"}");
    }

    @Test
    void a_false_result_exits_0_too() throws Exception {
        Path file = event("{\"issue\": {\"fields\": null}}");

        assertThat(cli.run("filter", "check", DOC_EXAMPLE, file.toString())).isZero();
        assertThat(output()).startsWith("{\"result\":false,\"error\":null,");
    }

    @Test
    void a_runtime_error_prints_its_code_and_exits_1() throws Exception {
        Path file = event("{\"project\": {}}");

        assertThat(cli.run("filter", "check", DOC_EXAMPLE, file.toString())).isEqualTo(1);
        assertThat(output()).startsWith("{\"result\":null,\"error\":\"E-TYPE: ");
    }

    @Test
    void a_non_boolean_result_is_shown_and_exits_1() throws Exception {
        Path file = event("{\"issue\": {\"key\": \"PRJ-1\", \"n\": 5}}");

        assertThat(cli.run("filter", "check", "event.issue.n", file.toString())).isEqualTo(1);
        assertThat(output()).startsWith("{\"result\":5,\"error\":\"E-RESULT: ");
    }

    @Test
    void a_static_error_reports_no_steps_and_exits_1() throws Exception {
        Path file = event("{}");

        assertThat(cli.run("filter", "check", "event.a === 1", file.toString())).isEqualTo(1);
        assertThat(output()).startsWith("{\"result\":null,\"error\":\"E-SYNTAX: ").endsWith(",\"steps\":0,\"complexity\":null}");
    }

    @Test
    void an_unreadable_event_or_wrong_arguments_exit_2() throws Exception {
        assertThat(cli.run("filter", "check", DOC_EXAMPLE, dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(cli.run("filter", "check", DOC_EXAMPLE, event("{not json").toString())).isEqualTo(2);
        assertThat(cli.run("filter", "check", DOC_EXAMPLE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the event").contains("usage:");
    }
}
