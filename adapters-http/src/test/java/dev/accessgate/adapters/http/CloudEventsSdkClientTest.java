package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests made by the CloudEvents JS SDK (npm 'cloudevents'), the way a real sender makes them. */
@MicronautTest
class CloudEventsSdkClientTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryPolicyStore store;

    @ParameterizedTest
    @ValueSource(strings = {"binary", "structured"})
    void an_event_sent_by_the_js_sdk_is_applied(String mode) throws IOException {
        String url = server.getURL().toString();
        String id = "sdk-" + mode;

        Map<String, Object> reply = json.readValue(
                NodeClients.run("send-cloudevent.js", url, mode, id, "ws-sdk-" + mode),
                Argument.mapOf(String.class, Object.class));

        assertThat(reply).containsEntry("status", 200);
        assertThat((String) reply.get("body")).contains("\"status\":\"applied\"").contains("\"newlyBlocked\":2");
        assertThat(store.objectBlock(new WorkspaceId("ws-sdk-" + mode), ObjectRef.of("confluence", "page", "20")))
                .isPresent();
        // Both modes store the same structured form, with the subject decoded.
        assertThat(store.find(new EventId(id)).orElseThrow().event().body()).contains("café policy");
    }
}
