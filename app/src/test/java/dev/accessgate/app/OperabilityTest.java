package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health with the database in it, and Prometheus metrics. */
class OperabilityTest {

    @TempDir
    Path dir;

    @Test
    void health_is_up_with_the_database_and_metrics_are_in_prometheus_format() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("accessgate.db", dir.resolve("ops.db").toString(), "micronaut.server.port", -1))) {
            HttpDriver http = new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class))
                    .withBearer(Http.API_TOKEN);
            http.post("/events", "application/cloudevents+json", Fixtures.bytes(Fixtures.OBJECTS_V2));

            HttpDriver.Reply health = http.get("/health");
            HttpDriver.Reply readiness = http.get("/health/readiness");
            HttpDriver.Reply metrics = http.get("/metrics");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json()).containsEntry("status", "UP");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.body()).contains("database").contains(dir.resolve("ops.db").toString());
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body()).contains("# TYPE accessgate_database_size_bytes gauge")
                    .contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes");
        }
    }
}
