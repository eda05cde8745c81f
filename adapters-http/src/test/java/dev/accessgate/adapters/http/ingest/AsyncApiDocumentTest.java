package dev.accessgate.adapters.http.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.installation.ForgeLifecycleReader;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.domain.migration.MigrationEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/asyncapi.yaml stays true: its examples are the test fixtures (same JSON), every inbound
 * fixture is an example, and every event type the ingestion code knows has a message.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");
    /** Handler answers, not inbound events. */
    private static final Set<String> NOT_INBOUND = Set.of("invocation-error.forge-events.json");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> messages() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(DOCUMENT));
        assertThat(document).containsEntry("asyncapi", "2.6.0");
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("messages");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_example_is_a_fixture_and_every_inbound_fixture_is_an_example() throws IOException {
        Set<String> used = new HashSet<>();
        for (Map<String, Object> message : messages().values()) {
            for (Map<String, Object> example : (List<Map<String, Object>>) message.getOrDefault("examples", List.of())) {
                String fixture = (String) example.get("x-fixture");
                assertThat(fixture).as("example %s names its fixture", example.get("name")).isNotNull();
                // JSON is YAML: both sides parsed alike.
                Object expected = new Yaml().load(Fixtures.text(fixture));
                assertThat(example.get("payload")).as("example %s equals fixtures/%s", example.get("name"), fixture)
                        .isEqualTo(expected);
                used.add(fixture);
            }
        }
        List<String> inbound = new ArrayList<>();
        try (var files = Files.list(Path.of("../application/src/test/resources/fixtures"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .filter(n -> !NOT_INBOUND.contains(n)).forEach(inbound::add);
        }
        assertThat(inbound).isNotEmpty();
        assertThat(used).as("inbound fixtures with an example in docs/asyncapi.yaml").containsAll(inbound);
    }

    @Test
    void every_event_type_the_ingestion_knows_has_a_message() throws IOException {
        Set<String> documented = new HashSet<>();
        messages().values().forEach(m -> documented.addAll(List.of(((String) m.get("x-event-type")).split(" \\| "))));
        List<String> known = new ArrayList<>(List.of(EventInterpreter.OBJECTS_V2, EventInterpreter.CONTAINER_V2,
                EventInterpreter.OBJECTS_V1));
        known.addAll(ForgeLifecycleReader.TYPES);
        MigrationEventType.KNOWN.forEach(t -> known.add(t.name()));

        assertThat(documented).as("x-event-type of the messages in docs/asyncapi.yaml").containsAll(known);
    }
}
