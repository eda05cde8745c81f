package dev.accessgate.adapters.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.accessgate.adapters.http.problem.ProblemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into plain values: {@code Map<String, Object>} (insertion order),
 * {@code List<Object>}, String, Long/BigInteger, Double/BigDecimal, Boolean and null.
 * Untrusted input is bounded: nesting depth, duplicate keys (refused, not silently
 * overwritten), trailing content, invalid UTF-8. Failures are {@link ProblemException}s
 * that say where.
 */
public final class JsonTreeReader {

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(10_000_000)
                    .maxNumberLength(100)
                    .build())
            .build();

    private JsonTreeReader() {
    }

    /** Parses one complete JSON value. */
    public static Object read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemException.Kind.INVALID_REQUEST, "the request body is empty");
        }
        requireUtf8(body);
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            Object value = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw malformed(parser.currentLocation(), "unexpected content after the JSON value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new ProblemException(ProblemException.Kind.INVALID_REQUEST,
                    "the JSON is nested deeper than " + MAX_DEPTH + " levels or has an oversized value");
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation(), e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            // Jackson reports some malformed input (e.g. bad UTF-8 in odd places) this way.
            throw malformed(null, e.getMessage());
        }
    }

    /**
     * Jackson checks UTF-8 inside string values but not everywhere (object keys slip through),
     * so the whole body is checked first. A strict decoder runs at memory speed.
     */
    private static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        // UTF-8 never gives more chars than bytes: a small body gets a small buffer (the fixed
        // 8,192 chars were the hottest allocation of small-event ingest in a profile).
        CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(8192, body.length)));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new ProblemException(ProblemException.Kind.INVALID_REQUEST,
                        "the body is not valid UTF-8 (at byte " + in.position() + ")");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw malformed(parser.currentLocation(), "no JSON value");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, readValue(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(readValue(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue() instanceof Integer i ? Long.valueOf(i) : parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw malformed(parser.currentLocation(), "unexpected " + token);
        }
    }

    private static ProblemException malformed(JsonLocation location, String message) {
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String what = message == null ? "malformed JSON" : message.replaceAll("\\s+", " ").trim();
        return new ProblemException(ProblemException.Kind.INVALID_REQUEST, "malformed JSON" + where + ": " + what);
    }
}
