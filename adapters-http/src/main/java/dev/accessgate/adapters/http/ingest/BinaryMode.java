package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.json.JsonTreeWriter;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.http.impl.HttpMessageReader;
import io.cloudevents.rw.CloudEventContextWriter;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.rw.CloudEventWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * CloudEvents binary content mode: attributes in {@code ce-*} headers, the body is the data.
 * The SDK's HTTP reader maps headers to attributes and extensions; it does not percent-decode
 * header values as the HTTP binding requires (section 3.1.3.2), so we decode them as we hand
 * them over, which also lets a bad encoding be reported against its header. The
 * event is stored as its structured-mode JSON, so every mode stores the same thing.
 */
final class BinaryMode {

    private BinaryMode() {
    }

    /** True when the request carries a CloudEvents spec version header. */
    static boolean applies(Map<String, List<String>> headers) {
        return headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("ce-specversion"));
    }

    static InboundEvent read(Map<String, List<String>> headers, byte[] body) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> attributes = collect(headers, body, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
        String contentType = attributes.get("datacontenttype");
        if (contentType == null || !isJson(contentType)) {
            throw new ProblemException(ProblemException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "binary mode needs JSON data (Content-Type: application/json); got "
                            + (contentType == null ? "no Content-Type" : contentType));
        }
        Attributes.specVersion(attributes.get("specversion"), "header:ce-specversion", violations);
        String id = Attributes.requiredText(attributes.get("id"), "header:ce-id", violations);
        String source = Attributes.uriReference(attributes.get("source"), "header:ce-source", violations);
        String type = Attributes.requiredText(attributes.get("type"), "header:ce-type", violations);
        Instant time = Attributes.time(attributes.get("time"), "header:ce-time", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
        Object data = body.length == 0 ? null : JsonTreeReader.read(body);
        Map<String, Object> structured = new LinkedHashMap<>();
        Map<String, Object> extensions = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            structured.put(name, value);
            if (!StructuredMode.CORE.contains(name)) {
                extensions.put(name, value);
            }
        });
        structured.put("data", data);
        return new InboundEvent(id, source, type, time, data, extensions, "binary", JsonTreeWriter.write(structured));
    }

    private static Map<String, String> collect(Map<String, List<String>> headers, byte[] body,
                                               List<Violation> violations) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("specversion", single(headers, "ce-specversion", violations));
        Consumer<BiConsumer<String, String>> forEach = consumer -> headers.forEach((name, values) -> {
            String pointer = "header:" + name.toLowerCase(Locale.ROOT);
            boolean attribute = name.toLowerCase(Locale.ROOT).startsWith("ce-");
            if (attribute && values.size() > 1) {
                violations.add(new Violation(pointer, "must be given once"));
            }
            for (String value : values) {
                try {
                    consumer.accept(name, attribute ? percentDecode(value) : value);
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation(pointer, e.getMessage()));
                }
            }
        });
        try {
            new HttpMessageReader(SpecVersion.V1, forEach, body).read(version -> new Collector(attributes));
        } catch (CloudEventRWException | IllegalArgumentException e) {
            violations.add(new Violation("header", "not a CloudEvent: " + e.getMessage()));
        }
        return attributes;
    }

    private static String single(Map<String, List<String>> headers, String name, List<Violation> violations) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                try {
                    return percentDecode(header.getValue().get(0));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("header:" + name, e.getMessage()));
                }
            }
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /**
     * Decodes {@code %XX} sequences as UTF-8, as the CloudEvents HTTP binding says header values
     * are encoded. A malformed sequence or invalid UTF-8 is refused.
     */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("has an incomplete percent-encoding");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("has an invalid percent-encoding");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encodes bytes that are not UTF-8");
        }
    }

    /** Receives the attributes the SDK reads; data is taken from the body directly. */
    private static final class Collector implements CloudEventWriter<Void> {
        private final Map<String, String> attributes;

        Collector(Map<String, String> attributes) {
            this.attributes = attributes;
        }

        @Override
        public CloudEventContextWriter withContextAttribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        @Override
        public Void end(CloudEventData data) {
            return null;
        }

        @Override
        public Void end() {
            return null;
        }
    }
}
