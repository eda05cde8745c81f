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

/**
 * When the server's own limit ({@code micronaut.server.max-request-size}) is lower than the
 * baseline limit, a streamed body over it is still a 413 problem, never a 5xx.
 */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "4096")
@Property(name = "accessgate.max-baseline-bytes", value = "1000000")
class BaselineServerLimitTest {

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
        return ("{\"id\": \"b\", \"padding\": \"" + "x".repeat(65536) + "\"}").getBytes();
    }

    @Test
    void a_declared_length_over_the_server_limit_gets_413() {
        HttpDriver.Reply reply = put(HttpRequest.BodyPublishers.ofByteArray(oversized()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_chunked_body_over_the_server_limit_gets_413() {
        HttpDriver.Reply reply = put(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(oversized())));

        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
