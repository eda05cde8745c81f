package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.fuzz.FuzzRun;
import dev.accessgate.adapters.http.fuzz.JsonMutator;
import dev.accessgate.adapters.http.installation.ForgeLifecycleReader;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.json.JsonTreeWriter;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of everything POST /events does before it stores: JSON reading, the three content
 * modes (structured, binary with ce-* headers, plain with ?type=), the interpretation of each
 * known type's data and Forge lifecycle payloads, on mutations of the documented fixtures.
 * Every input must be accepted or refused with a 4xx problem or a domain refusal; nothing else.
 * The real HTTP path, with storage, is {@code HttpFuzzTest}.
 */
class IngestionFuzzTest {

    /** The slice the normal build runs; scripts/reliability/fuzz.sh scales it up. */
    private static final int SLICE = 50_000;
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final SiteUrl MAPPED = SiteUrl.of("https://site_name.atlassian.net");

    private final EventInterpreter interpreter = new EventInterpreter(
            site -> site.equals(MAPPED) ? Optional.of(new WorkspaceId("mapped")) : Optional.empty());

    /** Structured-mode seeds: the fixtures, and the other payloads wrapped as CloudEvents. */
    static List<byte[]> structuredSeeds() {
        List<byte[]> seeds = new ArrayList<>(List.of(Fixtures.bytes(Fixtures.OBJECTS_V2),
                Fixtures.bytes(Fixtures.CONTAINER_V2), Fixtures.bytes(Fixtures.OBJECTS_V1)));
        seeds.add(cloudEvent("avi:forge:installed:app", Fixtures.text("lifecycle-installed.json")));
        seeds.add(cloudEvent("avi:forge:upgraded:app", Fixtures.text("lifecycle-upgraded.json")));
        seeds.add(cloudEvent("avi:jira:created:issue", "{\"issue\":{\"id\":\"1\",\"key\":\"K-1\"}}"));
        seeds.add(cloudEvent("avi:ecosystem.app_policy:blocked:app_access_to_objects.v3", "{\"x\":[1,2]}"));
        return seeds;
    }

    private static byte[] cloudEvent(String type, String data) {
        return ("{\"specversion\":\"1.0\",\"id\":\"fuzz-1\",\"source\":\"ari:cloud:jira::site/abc\",\"type\":\""
                + type + "\",\"time\":\"2024-05-01T10:00:00Z\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Plain-mode seeds: an envelope, Forge payloads with eventType, and untyped lifecycle payloads. */
    static List<byte[]> plainSeeds() {
        return List.of(Fixtures.bytes(Fixtures.OBJECTS_V1_PLAIN), Fixtures.bytes("lifecycle-installed.json"),
                Fixtures.bytes("lifecycle-upgraded.json"),
                "{\"eventType\":\"avi:jira:updated:issue\",\"issue\":{\"id\":\"7\",\"fields\":{\"labels\":[\"a\"]}}}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The data of each structured seed: the bodies of binary mode. */
    static List<byte[]> dataSeeds() {
        return structuredSeeds().stream()
                .map(seed -> JsonTreeWriter.write(((Map<?, ?>) JsonTreeReader.read(seed)).get("data"))
                        .getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void hostile_events_in_every_content_mode_are_accepted_or_refused_with_a_4xx() {
        FuzzRun run = new FuzzRun("ingestion", 9_001L, SLICE);
        JsonMutator structured = new JsonMutator(run.seed(), structuredSeeds());
        JsonMutator plain = new JsonMutator(run.seed() + 1, plainSeeds());
        JsonMutator data = new JsonMutator(run.seed() + 2, dataSeeds());
        for (int i = 0; i < run.inputs(); i++) {
            switch (i % 10) {
                case 0, 1, 2, 3 -> {
                    byte[] body = structured.next();
                    run.check(i, () -> "structured " + FuzzRun.show(body), () -> store(StructuredMode.read(body)));
                }
                case 4, 5, 6 -> {
                    Map<String, List<String>> headers = headers(data);
                    byte[] body = data.next();
                    run.check(i, () -> "binary " + headers + " " + FuzzRun.show(body),
                            () -> store(BinaryMode.read(headers, body)));
                }
                default -> {
                    byte[] body = plain.next();
                    String type = plain.chance(2) ? null
                            : plain.chance(2) ? List.copyOf(ForgeLifecycleReader.TYPES).get(plain.below(2)) : plain.string();
                    run.check(i, () -> "plain ?type=" + type + " " + FuzzRun.show(body),
                            () -> store(PlainMode.read(body, type, NOW)));
                }
            }
        }
        run.finish();
    }

    /** Binary-mode headers: the five attributes, then up to two of them missing, repeated, or odd. */
    static Map<String, List<String>> headers(JsonMutator m) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", List.of("1.0"));
        headers.put("ce-id", List.of("bin-" + m.below(1_000_000)));
        headers.put("ce-source", List.of("ari%3Acloud%3Ajira%3A%3Asite%2Fabc"));
        headers.put("ce-type", List.of(List.of(EventInterpreter.OBJECTS_V2, EventInterpreter.CONTAINER_V2,
                EventInterpreter.OBJECTS_V1, "avi:forge:installed:app", "avi:jira:created:issue").get(m.below(5))));
        headers.put("ce-time", List.of("2024-05-01T10:00:00Z"));
        headers.put("Content-Type", List.of(m.chance(10) ? m.string() : "application/json"));
        List<String> names = new ArrayList<>(headers.keySet());
        int edits = m.below(3);
        for (int e = 0; e < edits; e++) {
            String name = names.get(m.below(names.size()));
            switch (m.below(5)) {
                case 0 -> headers.remove(name);
                case 1 -> headers.put(name, List.of(m.string(), m.string()));
                case 2 -> headers.put(m.chance(2) ? "ce-" + m.string() : "CE-ID", List.of(m.string()));
                default -> headers.put(name, List.of(m.string()));
            }
        }
        return headers;
    }

    /** What the controller does with a read event before the store: interpret it and build the record. */
    private void store(InboundEvent event) {
        if (ForgeLifecycleReader.TYPES.contains(event.type())) {
            if (!(event.data() instanceof Map<?, ?> payload)) {
                throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "/data", "must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) payload;
            ForgeLifecycleReader.read(event.type(), fields, "/data", NOW);
        } else {
            interpreter.interpret(event);
        }
        new ReceivedEvent(new EventId(event.id()), event.type(), event.source(), event.time(), NOW,
                event.contentMode(), event.body(), event.fingerprint());
    }
}
