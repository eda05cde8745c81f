package dev.accessgate.adapters.http;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the HTTP tests: the embedded server (over the in-memory stores of the adapter kit)
 * and a driver that sends the API token, as a configured client would.
 */
abstract class HttpTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json).withBearer(SecurityTestBeans.API_TOKEN);
    }
}
