package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each documented policy event, sent in structured mode, binary mode and as a plain JSON
 * envelope (each time to its own workspace), leaves the same state; the same event in another
 * mode is a duplicate.
 */
@MicronautTest
class FixturesInEveryModeTest extends HttpTest {

    private static final String FIXTURE_ID = "7a6796c0-746d-4504-92cd-819eca234306";

    @Inject
    InMemoryPolicyStore store;

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.OBJECTS_V2, Fixtures.CONTAINER_V2, Fixtures.OBJECTS_V1})
    void every_mode_gives_the_same_state(String fixture) throws IOException {
        List<String> states = new ArrayList<>();
        for (String mode : List.of("structured", "binary", "envelope")) {
            String suffix = fixture.replace('.', '-') + "-" + mode;
            Map<String, Object> event = event(fixture, suffix);
            HttpDriver.Reply reply = send(mode, event);
            assertThat(reply.status()).as(mode).isEqualTo(200);
            assertThat(reply.json()).as(mode).containsEntry("status", "applied");
            states.add(state(workspaceOf(fixture, suffix)));
        }
        assertThat(states.get(1)).isEqualTo(states.get(0));
        assertThat(states.get(2)).isEqualTo(states.get(0));
        assertThat(states.get(0)).isNotEqualTo("[] []");

        Map<String, Object> same = event(fixture, "again-" + fixture.replace('.', '-'));
        assertThat(send("structured", same).json()).containsEntry("status", "applied");
        assertThat(send("binary", same).json()).containsEntry("status", "duplicate");
        assertThat(send("envelope", same).json()).containsEntry("status", "duplicate");
    }

    /** The fixture with its own id and workspace (v1 events name the mapped test site). */
    private Map<String, Object> event(String fixture, String suffix) throws IOException {
        String text = Fixtures.text(fixture).replace(FIXTURE_ID, "id-" + suffix)
                .replace("\"abc123\"", "\"ws-" + suffix + "\"")
                .replace("https://site_name.atlassian.net", TestBeans.MAPPED_SITE.value());
        return json.readValue(text, Argument.mapOf(String.class, Object.class));
    }

    private static WorkspaceId workspaceOf(String fixture, String suffix) {
        return new WorkspaceId(fixture.equals(Fixtures.OBJECTS_V1) ? "site-workspace" : "ws-" + suffix);
    }

    private HttpDriver.Reply send(String mode, Map<String, Object> event) throws IOException {
        switch (mode) {
            case "structured":
                return http.post("/events", "application/cloudevents+json", json.writeValueAsBytes(event));
            case "binary": {
                List<String> headers = new ArrayList<>();
                event.forEach((name, value) -> {
                    if (!name.equals("data")) {
                        headers.add("ce-" + name);
                        headers.add(String.valueOf(value));
                    }
                });
                return http.post("/events", "application/json", json.writeValueAsBytes(event.get("data")),
                        headers.toArray(String[]::new));
            }
            default: {
                Map<String, Object> envelope = new LinkedHashMap<>(event);
                envelope.remove("specversion");
                return http.post("/events", "application/json", json.writeValueAsBytes(envelope));
            }
        }
    }

    /** Blocked objects and containers without their event ids (each mode had its own). */
    private String state(WorkspaceId workspace) {
        List<String> objects = store.objects(workspace, ObjectQuery.all(100)).stream()
                .map(BlockedObject::object).map(Object::toString).toList();
        List<String> containers = store.containers(workspace).stream()
                .map(BlockedContainer::container).map(Object::toString).toList();
        return objects + " " + containers;
    }

}
