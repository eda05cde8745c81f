package dev.accessgate.adapters.http.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.accessgate.adapters.http.json.JsonPaths;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.BaselineHeader;
import dev.accessgate.domain.policy.BaselineId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a baseline body with jackson-core's streaming parser, in two passes over the spooled
 * file, so that only one object at a time is in memory:
 *
 * <ol>
 *   <li>{@link #readHeader}: checks the whole body (shape, unknown fields, every value, every
 *   object's type against {@code types}) and returns the header; every problem is a
 *   violation with a JSON pointer. Fields may come in any order.</li>
 *   <li>{@link #objects}: hands the (already checked) objects to the store in batches.</li>
 * </ol>
 *
 * <pre>{"id": "...", "time": "RFC 3339", "product": "confluence", "types": ["page"],
 *  "objects": [{"type": "page", "id": "123"}], "containers": ["SPACE"]}</pre>
 */
final class BaselineJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(64 * 1024)
                    .maxNumberLength(100)
                    .build())
            .build();

    /** RFC 3339 {@code date-time}: seconds required, offset required, T/Z in either case. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private BaselineJson() {
    }

    /** Pass one: the whole body checked, and its header. Throws a 4xx {@link ProblemException}. */
    static BaselineHeader readHeader(Path body, WorkspaceId workspace) {
        return parse(body, parser -> new HeaderReader(parser).read(workspace));
    }

    /** Pass two: the objects of a body that {@link #readHeader} accepted. */
    static BaselineObjects objects(Path body, BaselineHeader header) {
        return batch -> parse(body, parser -> {
            readObjects(parser, header.product(), batch);
            return null;
        });
    }

    private interface Pass<T> {
        T run(JsonParser parser) throws IOException;
    }

    private static <T> T parse(Path body, Pass<T> pass) {
        try (JsonParser parser = FACTORY.createParser(body.toFile())) {
            return pass.run(parser);
        } catch (StreamConstraintsException e) {
            throw new ProblemException(ProblemException.Kind.INVALID_REQUEST,
                    "the JSON is nested too deeply or has an oversized value: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException malformed(JsonLocation location, String message) {
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String what = message == null ? "malformed JSON" : message.replaceAll("\\s+", " ").trim();
        return new ProblemException(ProblemException.Kind.INVALID_REQUEST, "malformed JSON" + where + ": " + what);
    }

    /** Pass one over one body. */
    private static final class HeaderReader {

        private final JsonParser parser;
        private final List<Violation> violations = new ArrayList<>();
        private String id;
        private String time;
        private String product;
        private Set<String> types;
        private Set<String> containers;
        private boolean objectsSeen;
        /** Each object type met, lower-cased, with the index of its first object. */
        private final Map<String, Integer> objectTypes = new LinkedHashMap<>();

        HeaderReader(JsonParser parser) {
            this.parser = parser;
        }

        BaselineHeader read(WorkspaceId workspace) throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "",
                        "the body must be a JSON object (a baseline)");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                String pointer = JsonPaths.child("", name);
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "id" -> id = text(value, pointer);
                    case "time" -> time = text(value, pointer);
                    case "product" -> product = text(value, pointer);
                    case "types" -> types = texts(value, pointer, BaselineHeader.MAX_TYPES, true);
                    case "containers" -> containers = texts(value, pointer, BaselineHeader.MAX_CONTAINERS, false);
                    case "objects" -> objects(value);
                    default -> {
                        violation(pointer, "is not a field of a baseline (id, time, product, types, objects, "
                                + "containers)");
                        parser.skipChildren();
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw malformed(parser.currentLocation(), "unexpected content after the baseline");
            }
            BaselineHeader header = header(workspace);
            if (header != null) {
                objectTypes.forEach((type, index) -> {
                    if (!header.coversType(type)) {
                        violation("/objects/" + index + "/type", "'" + type + "' is not one of /types " + types);
                    }
                });
            }
            if (!violations.isEmpty()) {
                throw invalid();
            }
            return header;
        }

        private BaselineHeader header(WorkspaceId workspace) {
            BaselineId baselineId = required("/id", id, () -> new BaselineId(id));
            Instant at = required("/time", time, () -> rfc3339(time));
            Product of = required("/product", product, () -> Product.of(product));
            if (!objectsSeen) {
                violation("/objects", "is required (an empty list says nothing in scope is blocked)");
            }
            if (baselineId == null || at == null || of == null || !violations.isEmpty()) {
                return null;
            }
            try {
                return new BaselineHeader(workspace, baselineId, at, of, Optional.ofNullable(types),
                        Optional.ofNullable(containers));
            } catch (DomainException e) {
                violation("/" + e.field(), e.getMessage());
                return null;
            }
        }

        private interface Check<T> {
            T get();
        }

        private <T> T required(String pointer, String value, Check<T> check) {
            if (value == null) {
                if (violations.stream().noneMatch(v -> v.pointer().equals(pointer))) {
                    violation(pointer, "is required");
                }
                return null;
            }
            try {
                return check.get();
            } catch (DomainException e) {
                violation(pointer, e.getMessage());
                return null;
            }
        }

        private static Instant rfc3339(String text) {
            if (!RFC_3339.matcher(text).matches()) {
                throw DomainException.invalid("time", "must be an RFC 3339 date-time such as 2024-05-01T00:00:00Z");
            }
            try {
                return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("time", "is not a valid date-time: " + e.getMessage());
            }
        }

        private String text(JsonToken token, String pointer) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                violation(pointer, "must be a string");
                parser.skipChildren();
                return null;
            }
            return parser.getText();
        }

        /** A list of identifiers, repeats collapsed; types are lower-cased. */
        private Set<String> texts(JsonToken token, String pointer, int max, boolean lowerCase) throws IOException {
            if (token != JsonToken.START_ARRAY) {
                violation(pointer, "must be an array of strings" + (lowerCase ? "; omit it for every type" : ""));
                parser.skipChildren();
                return null;
            }
            Set<String> values = new LinkedHashSet<>();
            int index = 0;
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken(), index++) {
                if (index >= max) {
                    throw ProblemException.at(ProblemException.Kind.LIMIT_EXCEEDED, pointer,
                            "a baseline may list at most " + max + " of these");
                }
                String text = text(item, JsonPaths.child(pointer, index));
                if (text != null) {
                    try {
                        values.add(lowerCase ? Text.lowerIdentifier("type", text) : Text.identifier("id", text));
                    } catch (DomainException e) {
                        violation(JsonPaths.child(pointer, index), e.getMessage());
                    }
                }
            }
            return values;
        }

        private void objects(JsonToken token) throws IOException {
            objectsSeen = true;
            if (token != JsonToken.START_ARRAY) {
                violation("/objects", "must be an array of {\"type\", \"id\"} objects");
                parser.skipChildren();
                return;
            }
            int index = 0;
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken(), index++) {
                String pointer = "/objects/" + index;
                if (item != JsonToken.START_OBJECT) {
                    violation(pointer, "must be an object {\"type\", \"id\"}");
                    parser.skipChildren();
                    continue;
                }
                String type = null;
                String objectId = null;
                for (JsonToken field = parser.nextToken(); field == JsonToken.FIELD_NAME; field = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (name) {
                        case "type" -> type = identifier(text(value, pointer + "/type"), pointer + "/type", true);
                        case "id" -> objectId = identifier(text(value, pointer + "/id"), pointer + "/id", false);
                        default -> {
                            violation(JsonPaths.child(pointer, name), "is not a field of an object (type, id)");
                            parser.skipChildren();
                        }
                    }
                }
                if (type == null && violations.stream().noneMatch(v -> v.pointer().startsWith(pointer + "/type"))) {
                    violation(pointer + "/type", "is required");
                }
                if (objectId == null && violations.stream().noneMatch(v -> v.pointer().startsWith(pointer + "/id"))) {
                    violation(pointer + "/id", "is required");
                }
                if (type != null && !objectTypes.containsKey(type)) {
                    if (objectTypes.size() >= BaselineHeader.MAX_TYPES) {
                        throw ProblemException.at(ProblemException.Kind.LIMIT_EXCEEDED, pointer + "/type",
                                "a baseline may name at most " + BaselineHeader.MAX_TYPES + " object types");
                    }
                    objectTypes.put(type, index);
                }
            }
        }

        private String identifier(String text, String pointer, boolean lowerCase) {
            if (text == null) {
                return null;
            }
            try {
                return lowerCase ? Text.lowerIdentifier("type", text) : Text.identifier("id", text);
            } catch (DomainException e) {
                violation(pointer, e.getMessage());
                return null;
            }
        }

        private void violation(String pointer, String detail) {
            violations.add(new Violation(pointer, detail));
            if (violations.size() >= ProblemException.MAX_VIOLATIONS) {
                throw invalid(); // enough to go on; a hostile body is not read to its end
            }
        }

        private ProblemException invalid() {
            StringBuilder detail = new StringBuilder("invalid baseline: ");
            for (Violation v : violations.subList(0, Math.min(violations.size(), 3))) {
                detail.append(v == violations.get(0) ? "" : "; ").append(v.pointer()).append(' ').append(v.detail());
            }
            if (violations.size() > 3) {
                detail.append("; and ").append(violations.size() - 3).append(" more");
            }
            return new ProblemException(ProblemException.Kind.INVALID_REQUEST, detail.toString(), violations);
        }
    }

    /** Pass two: finds {@code objects} and hands them over in batches. */
    private static void readObjects(JsonParser parser, Product product, Consumer<List<ObjectRef>> sink)
            throws IOException {
        parser.nextToken(); // the baseline object
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            if (!name.equals("objects")) {
                parser.skipChildren();
                continue;
            }
            List<ObjectRef> batch = new ArrayList<>(BaselineObjects.BATCH);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String type = null;
                String id = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isType = parser.currentName().equals("type");
                    parser.nextToken();
                    if (isType) {
                        type = parser.getText();
                    } else {
                        id = parser.getText();
                    }
                }
                batch.add(new ObjectRef(product, type, id));
                if (batch.size() == BaselineObjects.BATCH) {
                    sink.accept(batch);
                    batch = new ArrayList<>(BaselineObjects.BATCH);
                }
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        }
    }
}
