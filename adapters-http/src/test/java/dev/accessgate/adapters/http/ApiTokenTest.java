package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The query and admin API needs the bearer token; nothing else does. */
@MicronautTest
class ApiTokenTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/workspaces", "/v1/installations", "/v1/workspaces/abc/containers", "/v1/no-such-thing"})
    void without_a_token_every_v1_path_is_401_problem_json_with_a_bearer_challenge(String path) {
        HttpDriver.Reply reply = http.get(path);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json()).containsEntry("status", 401).containsEntry("type", "urn:accessgate:problem:unauthorized");
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"accessgate\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token-0123456789", "Bearer " + SecurityTestBeans.API_TOKEN + "x",
            "Basic dGVzdDp0ZXN0", SecurityTestBeans.API_TOKEN, "Bearer", "Bearer test-api-token-012345678"})
    void a_wrong_token_is_401_invalid_token(String authorization) {
        HttpDriver.Reply reply = http.get("/v1/workspaces", "Authorization", authorization);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(reply.body()).doesNotContain(SecurityTestBeans.API_TOKEN);
    }

    @Test
    void the_right_token_opens_the_api_whatever_the_case_of_the_scheme() {
        assertThat(http.get("/v1/workspaces", "Authorization", "Bearer " + SecurityTestBeans.API_TOKEN).status())
                .isEqualTo(200);
        assertThat(http.get("/v1/workspaces", "Authorization", "bearer " + SecurityTestBeans.API_TOKEN).status())
                .isEqualTo(200);
    }

    @Test
    void paths_outside_v1_need_no_token() {
        assertThat(http.post("/events", "application/cloudevents+json", Fixtures.text(Fixtures.OBJECTS_V2)).status())
                .isEqualTo(200);
    }
}
