package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.InMemoryInstallationStore;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With unsigned installs switched on (local development): the first install only may be unsigned. */
@MicronautTest
@Property(name = "test.connect.allow-unsigned", value = "true")
class ConnectUnsignedInstallsTest {

    private static final String CLIENT = "dev-client";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryInstallationStore store;

    private HttpDriver.Reply install(String secret, String authorization) {
        byte[] body = ConnectLifecycleTest.payload(CLIENT, secret, "installed").getBytes(StandardCharsets.UTF_8);
        HttpDriver http = new HttpDriver(server.getURL(), json);
        return authorization == null ? http.post("/connect/installed", "application/json", body)
                : http.post("/connect/installed", "application/json", body, "Authorization", authorization);
    }

    private static String signedWith(String secret) {
        return "JWT " + TestKeys.hs256(secret,
                ConnectLifecycleTest.claims(CLIENT, "POST", "/connect/installed", TestBeans.NOW).build());
    }

    @Test
    void a_first_unsigned_install_then_only_a_reinstall_signed_by_the_old_secret() {
        assertThat(install(ConnectLifecycleTest.SECRET, null).status()).isEqualTo(204);

        HttpDriver.Reply unsignedAgain = install(ConnectLifecycleTest.NEW_SECRET, null);
        assertThat(unsignedAgain.status()).isEqualTo(401);
        assertThat(unsignedAgain.body()).contains("reinstall");
        assertThat(install(ConnectLifecycleTest.NEW_SECRET, signedWith(ConnectLifecycleTest.NEW_SECRET)).status())
                .isEqualTo(401);
        assertThat(store.client(CLIENT).orElseThrow().secret().value()).isEqualTo(ConnectLifecycleTest.SECRET);

        assertThat(install(ConnectLifecycleTest.NEW_SECRET, signedWith(ConnectLifecycleTest.SECRET)).status())
                .isEqualTo(204);
        assertThat(store.client(CLIENT).orElseThrow().secret().value()).isEqualTo(ConnectLifecycleTest.NEW_SECRET);
    }
}
