package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CloudEvents structured content mode: the body is the whole event as JSON. */
final class StructuredMode {

    static final Set<String> CORE = Set.of("specversion", "id", "source", "type", "time", "data",
            "datacontenttype", "dataschema", "subject", "data_base64");

    private StructuredMode() {
    }

    static InboundEvent read(byte[] body) {
        return fromJson(body, false);
    }

    /**
     * Reads a CloudEvent in JSON form. As an {@code envelope} (plain JSON), {@code specversion}
     * and {@code source} may be left out; every other rule is the same.
     */
    static InboundEvent fromJson(byte[] body, boolean envelope) {
        Object root = JsonTreeReader.read(body);
        if (!(root instanceof Map<?, ?> event)) {
            throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "", "the event must be a JSON object");
        }
        return fromObject(event, new String(body, StandardCharsets.UTF_8), envelope);
    }

    static InboundEvent fromObject(Map<?, ?> event, String body, boolean envelope) {
        List<Violation> violations = new ArrayList<>();
        if (!envelope || event.containsKey("specversion")) {
            Attributes.specVersion(event.get("specversion"), "/specversion", violations);
        }
        String id = Attributes.requiredText(event.get("id"), "/id", violations);
        String source = !envelope || event.containsKey("source")
                ? Attributes.uriReference(event.get("source"), "/source", violations) : "";
        String type = Attributes.requiredText(event.get("type"), "/type", violations);
        Instant time = Attributes.time(event.get("time"), "/time", violations);
        if (event.containsKey("data_base64")) {
            violations.add(new Violation("/data_base64", "binary data is not accepted; send JSON data"));
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        event.forEach((name, value) -> {
            if (!CORE.contains((String) name)) {
                extensions.put((String) name, value);
            }
        });
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
        return new InboundEvent(id, source, type, time, event.get("data"), extensions,
                envelope ? "envelope" : "structured", body);
    }
}
