package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness is UP without the deadlocked-threads check, which cost a safepoint per probe. */
class LivenessTest {

    @TempDir
    Path dir;

    @Test
    void liveness_is_up_and_does_not_look_for_deadlocked_threads() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("accessgate.db", dir.resolve("live.db").toString(), "micronaut.server.port", -1))) {
            HttpDriver http = new HttpDriver(server.getURL(), server.getApplicationContext().getBean(JsonMapper.class));

            HttpDriver.Reply liveness = http.get("/health/liveness");
            HttpDriver.Reply health = http.get("/health");

            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json()).containsEntry("status", "UP");
            assertThat(health.body()).contains("process").doesNotContain("deadlockedThreads");
        }
    }
}
