package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Regressions found by the fuzzing run (HttpFuzzTest): a Forge lifecycle event in CloudEvents
 * form that is refused must not have been recorded in its installation's history first.
 */
@MicronautTest
class RefusedLifecycleEventTest extends HttpTest {

    @Inject
    InMemoryInstallationStore installations;

    private static String lifecycle(String id, String payload) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"ari:cloud:jira::site/abc\","
                + "\"type\":\"avi:forge:installed:app\",\"time\":\"2024-05-01T10:00:00Z\",\"data\":" + payload + "}";
    }

    @Test
    void another_lifecycle_event_reusing_an_id_is_a_409_and_the_history_stays_as_it_was() {
        String first = Fixtures.text("lifecycle-installed.json");
        assertThat(http.post("/events", "application/cloudevents+json", lifecycle("reused-id", first)).status())
                .isEqualTo(200);
        Object history = installations.forgeInstallations();

        HttpDriver.Reply reply = http.post("/events", "application/cloudevents+json",
                lifecycle("reused-id", first.replace("9.0.0", "10.0.0")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(installations.forgeInstallations()).isEqualTo(history);
        assertThat(http.post("/events", "application/cloudevents+json", lifecycle("reused-id", first)).json())
                .containsEntry("status", "duplicate");
    }

    @Test
    void a_lifecycle_event_with_an_invalid_id_is_a_400_and_records_nothing() {
        Object history = installations.forgeInstallations();

        HttpDriver.Reply reply = http.post("/events", "application/cloudevents+json",
                lifecycle(" ", Fixtures.text("lifecycle-upgraded.json")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("status", 400);
        assertThat(installations.forgeInstallations()).isEqualTo(history);
    }
}
