package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "2048")
class BodyLimitTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void a_body_over_the_configured_limit_gets_413_as_a_problem() {
        byte[] body = ("{\"padding\":\"" + "x".repeat(4096) + "\"}").getBytes();

        HttpDriver.Reply reply = new HttpDriver(server.getURL(), json)
                .post("/events", "application/cloudevents+json", body);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json()).containsEntry("status", 413);
    }
}
