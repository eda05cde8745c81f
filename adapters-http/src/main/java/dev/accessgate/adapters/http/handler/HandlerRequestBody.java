package dev.accessgate.adapters.http.handler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.accessgate.domain.delivery.RetryContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The body an HTTP handler receives: the event JSON as stored; on a retry, the same object
 * with a {@code retryContext} member (Forge's shape) whose {@code retryData} is the JSON the
 * handler sent, byte for byte. The event text is kept as is (the member is spliced in after the
 * opening brace); only an event that already has a top-level {@code retryContext} is rewritten,
 * to replace it. A body that is not a JSON object is sent unchanged.
 */
final class HandlerRequestBody {

    private static final JsonFactory JSON = new JsonFactory();

    private HandlerRequestBody() {
    }

    static byte[] of(String eventJson, Optional<RetryContext> retryContext) {
        if (retryContext.isEmpty()) {
            return eventJson.getBytes(StandardCharsets.UTF_8);
        }
        String member = "\"retryContext\":" + contextJson(retryContext.get());
        try {
            Shape shape = shape(eventJson);
            if (shape == Shape.NOT_AN_OBJECT) {
                return eventJson.getBytes(StandardCharsets.UTF_8);
            }
            if (shape == Shape.HAS_RETRY_CONTEXT) {
                return replaced(eventJson, member);
            }
            int brace = eventJson.indexOf('{');
            String rest = eventJson.substring(brace + 1);
            String separator = shape == Shape.EMPTY_OBJECT ? "" : ",";
            return (eventJson.substring(0, brace + 1) + member + separator + rest).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Stored events are valid JSON; if one is not, send it as it is.
            return eventJson.getBytes(StandardCharsets.UTF_8);
        }
    }

    static String contextJson(RetryContext context) {
        StringBuilder json = new StringBuilder("{\"retryCount\":").append(context.retryCount())
                .append(",\"retryReason\":\"").append(context.reason().name()).append('"');
        context.retryData().ifPresent(data -> json.append(",\"retryData\":").append(data.json()));
        return json.append('}').toString();
    }

    private enum Shape { NOT_AN_OBJECT, EMPTY_OBJECT, OBJECT, HAS_RETRY_CONTEXT }

    private static Shape shape(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Shape.NOT_AN_OBJECT;
            }
            int members = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                members++;
                if (parser.currentName().equals("retryContext")) {
                    return Shape.HAS_RETRY_CONTEXT;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return members == 0 ? Shape.EMPTY_OBJECT : Shape.OBJECT;
        }
    }

    /** The object without its own top-level retryContext, with ours last. */
    private static byte[] replaced(String json, String member) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser parser = JSON.createParser(json); JsonGenerator generator = JSON.createGenerator(out)) {
            parser.nextToken();
            generator.writeStartObject();
            int written = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("retryContext")) {
                    parser.skipChildren();
                    continue;
                }
                generator.writeFieldName(name);
                generator.copyCurrentStructure(parser);
                written++;
            }
            generator.writeRaw((written > 0 ? "," : "") + member);
            generator.writeEndObject();
        }
        return out.toByteArray();
    }
}
