package dev.accessgate.adapters.http.handler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.RetryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an HTTP handler's answer (SPEC 3.1): a 2xx whose body is the JSON of
 * {@code @forge/events}' InvocationError ({@code {"_retry": true, "retryOptions": {...}}}) asks
 * for a retry; any other 2xx succeeds; other statuses map by {@link AttemptResult#ofHttpStatus}.
 */
final class HandlerAnswer {

    /** Most characters of an error answer kept as the attempt's detail. */
    static final int SNIPPET_CHARS = 200;
    private static final JsonFactory JSON = new JsonFactory();

    private HandlerAnswer() {
    }

    static AttemptResult read(int status, LimitedBody.Bytes body) {
        if (status >= 200 && status <= 299) {
            return invocationError(body).<AttemptResult>map(AttemptResult.RetryRequested::new)
                    .orElseGet(AttemptResult.Succeeded::new);
        }
        return AttemptResult.ofHttpStatus(status, snippet(body.bytes()));
    }

    /**
     * The retry options of an InvocationError answer; empty for anything else (including a body
     * that is not JSON, or was cut at {@link HttpDeliveryChannel#MAX_RESPONSE_BYTES}).
     * {@code retryAfter} that is not a JSON number counts as missing; a {@code retryReason} that
     * is not a string is passed on as its text (and replaced, with a note).
     */
    static Optional<RetryOptions> invocationError(LimitedBody.Bytes body) {
        if (body.truncated() || body.bytes().length == 0) {
            return Optional.empty();
        }
        Object tree;
        try {
            tree = JsonTreeReader.read(body.bytes());
        } catch (ProblemException notJson) {
            return Optional.empty();
        }
        if (!(tree instanceof Map<?, ?> answer) || !Boolean.TRUE.equals(answer.get("_retry"))) {
            return Optional.empty();
        }
        if (!(answer.get("retryOptions") instanceof Map<?, ?> options)) {
            return Optional.of(RetryOptions.defaults());
        }
        Number retryAfter = options.get("retryAfter") instanceof Number n ? n : null;
        Object reason = options.get("retryReason");
        String retryData = options.get("retryData") == null ? null : rawRetryData(body.bytes());
        return Optional.of(RetryOptions.of(retryAfter, reason == null ? null : String.valueOf(reason), retryData));
    }

    /** The text of {@code retryOptions.retryData} exactly as the handler sent it. */
    static String rawRetryData(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken(); // {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("retryOptions") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String option = parser.currentName();
                        parser.nextToken();
                        if (option.equals("retryData")) {
                            long start = parser.currentTokenLocation().getByteOffset();
                            parser.skipChildren();
                            parser.finishToken();
                            long end = parser.currentLocation().getByteOffset();
                            return new String(json, (int) start, (int) (end - start), StandardCharsets.UTF_8);
                        }
                        parser.skipChildren();
                    }
                    return null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The start of an error answer, one line, for the attempt's detail (never logged). */
    static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8);
        text = text.replaceAll("\\p{Cntrl}+", " ").trim();
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "\u2026";
    }
}
