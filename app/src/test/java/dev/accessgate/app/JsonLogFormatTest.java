package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.accessgate.app.ops.LogContext;
import dev.accessgate.application.port.out.ObservationScope;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** logback.xml with ACCESSGATE_LOG_FORMAT=json: one JSON object a line, the log context in "mdc". */
class JsonLogFormatTest {

    @Test
    @SuppressWarnings("unchecked")
    void json_lines_carry_the_log_context_and_lose_it_after_the_scope() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putProperty("ACCESSGATE_LOG_FORMAT", "json");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(JsonLogFormatTest.class.getResource("/logback.xml"));
            try (ObservationScope scope = LogContext.delivery("delivery-1", "event-1", "bugs", Optional.of("ws-1"))) {
                context.getLogger("dev.accessgate.test").info("during {}", "the attempt");
            }
            context.getLogger("dev.accessgate.test").info("after");
        } finally {
            System.setOut(stdout);
            context.stop();
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonMapper json = JsonMapper.createDefault();
        Map<String, Object> during = json.readValue(lines.get(0), Map.class);
        Map<String, Object> after = json.readValue(lines.get(1), Map.class);
        assertThat(during).containsEntry("formattedMessage", "during the attempt").containsEntry("mdc", Map.of(
                "eventId", "event-1", "workspace", "ws-1", "deliveryId", "delivery-1", "subscription", "bugs"));
        assertThat(after).containsEntry("formattedMessage", "after");
        assertThat((Map<String, Object>) after.getOrDefault("mdc", Map.of())).isEmpty();
    }
}
