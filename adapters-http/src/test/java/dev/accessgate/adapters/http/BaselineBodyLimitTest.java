package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** The baseline endpoint has its own body limit, checked for declared and for chunked bodies. */
@MicronautTest
@Property(name = "accessgate.max-baseline-bytes", value = "4096")
class BaselineBodyLimitTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private HttpDriver.Reply put(HttpRequest.BodyPublisher body) {
        return new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN).send(HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/v1/workspaces/abc/baseline"))
                .header("Content-Type", "application/json").PUT(body).build());
    }

    private static byte[] oversized() {
        return ("{\"id\": \"b\", \"padding\": \"" + "x".repeat(8192) + "\"}").getBytes();
    }

    @Test
    void a_declared_length_over_the_limit_gets_413() {
        HttpDriver.Reply reply = put(HttpRequest.BodyPublishers.ofByteArray(oversized()));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_chunked_body_over_the_limit_gets_413() {
        HttpDriver.Reply reply = put(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(oversized())));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
