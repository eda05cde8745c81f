package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import dev.accessgate.app.ops.LogContext;
import dev.accessgate.application.port.out.ObservationScope;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * {@link LogConfiguration}, the service's logging: ACCESSGATE_LOG_FORMAT=json gives one JSON object
 * a line with the log context in "mdc", text (the default) one readable line with the context in
 * braces; Hikari and Flyway say only warnings.
 */
class LogConfigurationTest {

    /** What a fresh logger context configured for {@code format} prints for two lines and a Flyway info. */
    private static List<String> logged(String format) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        if (format != null) {
            context.putProperty(LogConfiguration.FORMAT, format);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogConfiguration configuration = new LogConfiguration();
            configuration.setContext(context);
            assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            try (ObservationScope scope = LogContext.delivery("delivery-1", "event-1", "bugs", Optional.of("ws-1"))) {
                context.getLogger("dev.accessgate.test").info("during {}", "the attempt");
            }
            context.getLogger("dev.accessgate.test").info("after");
            context.getLogger("org.flywaydb.core.Flyway").info("not shown");
        } finally {
            System.setOut(stdout);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void json_lines_carry_the_log_context_and_lose_it_after_the_scope() throws Exception {
        List<String> lines = logged("json");

        assertThat(lines).hasSize(2);
        JsonMapper json = JsonMapper.createDefault();
        Map<String, Object> during = json.readValue(lines.get(0), Map.class);
        Map<String, Object> after = json.readValue(lines.get(1), Map.class);
        assertThat(during).containsEntry("formattedMessage", "during the attempt").containsEntry("mdc", Map.of(
                "eventId", "event-1", "workspace", "ws-1", "deliveryId", "delivery-1", "subscription", "bugs"));
        assertThat(during).containsKeys("timestamp", "level", "threadName", "loggerName");
        assertThat(after).containsEntry("formattedMessage", "after");
        assertThat((Map<String, Object>) after.getOrDefault("mdc", Map.of())).isEmpty();
    }

    @Test
    void text_lines_are_the_default_with_the_log_context_in_braces() {
        List<String> lines = logged(null);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+\\] "
                + "dev.accessgate.test - during the attempt \\{.*eventId=event-1.*\\}")
                .contains("workspace=ws-1", "deliveryId=delivery-1", "subscription=bugs");
        assertThat(lines.get(1)).endsWith("dev.accessgate.test - after");
    }

    @Test
    void logback_finds_the_configuration_through_its_service_file() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfiguration.class);
    }
}
