package dev.accessgate.adapters.http.fuzz;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.json.JsonTreeWriter;
import dev.accessgate.application.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The valid inputs of POST /events that the fuzzing slices mutate, in each content mode. */
public final class IngestSeeds {

    /** The types the binary-mode headers name: every kind of data the interpreter reads. */
    public static final List<String> TYPES = List.of("avi:ecosystem.app_policy:blocked:app_access_to_objects.v2",
            "avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2",
            "avi:ecosystem.app_policy:blocked:app_access_to_objects.v1", "avi:forge:installed:app",
            "avi:jira:created:issue");

    private IngestSeeds() {
    }

    /** Structured mode: the fixtures, and the other payloads wrapped as CloudEvents. */
    public static List<byte[]> structured() {
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

    /** Plain mode: an envelope, a Forge payload with eventType, and untyped lifecycle payloads. */
    public static List<byte[]> plain() {
        return List.of(Fixtures.bytes(Fixtures.OBJECTS_V1_PLAIN), Fixtures.bytes("lifecycle-installed.json"),
                Fixtures.bytes("lifecycle-upgraded.json"),
                "{\"eventType\":\"avi:jira:updated:issue\",\"issue\":{\"id\":\"7\",\"fields\":{\"labels\":[\"a\"]}}}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Binary mode bodies: the data of each structured seed. */
    public static List<byte[]> data() {
        return structured().stream()
                .map(seed -> JsonTreeWriter.write(((Map<?, ?>) JsonTreeReader.read(seed)).get("data"))
                        .getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    /** Binary-mode headers: the five attributes, then up to two of them missing, repeated, or odd. */
    public static Map<String, List<String>> binaryHeaders(JsonMutator m) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", List.of("1.0"));
        headers.put("ce-id", List.of("bin-" + m.below(1_000_000)));
        headers.put("ce-source", List.of("ari%3Acloud%3Ajira%3A%3Asite%2Fabc"));
        headers.put("ce-type", List.of(TYPES.get(m.below(TYPES.size()))));
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
}
