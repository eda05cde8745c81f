package dev.accessgate.adapters.http.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.RetryContext;
import dev.accessgate.domain.delivery.RetryData;
import dev.accessgate.domain.delivery.RetryOptions;
import dev.accessgate.domain.delivery.RetryReason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request body on retries and the reading of answers, without a network. */
class HandlerBodiesTest {

    private static final RetryContext CONTEXT = new RetryContext(2, RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED,
            Optional.of(new RetryData("{\"n\": 1.50}")));

    private static String body(String event, Optional<RetryContext> context) {
        return new String(HandlerRequestBody.of(event, context), StandardCharsets.UTF_8);
    }

    private static LimitedBody.Bytes bytes(String text) {
        return new LimitedBody.Bytes(text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void a_first_attempt_sends_the_event_byte_for_byte() {
        String event = " {\"a\" : 1.50, \"b\":[1,2]}\n";
        assertThat(body(event, Optional.empty())).isEqualTo(event);
    }

    @Test
    void a_retry_splices_the_retry_context_into_the_event_text() {
        String context = "\"retryContext\":{\"retryCount\":2,\"retryReason\":\"FUNCTION_UPSTREAM_RATE_LIMITED\","
                + "\"retryData\":{\"n\": 1.50}}";
        assertThat(body(" {\"a\" : 1.50}", Optional.of(CONTEXT))).isEqualTo(" {" + context + ",\"a\" : 1.50}");
        assertThat(body("{ }", Optional.of(CONTEXT))).isEqualTo("{" + context + " }");
        assertThat(body("{\"retryContext\":{\"old\":true},\"a\":1}", Optional.of(CONTEXT)))
                .isEqualTo("{\"a\":1," + context + "}");
        assertThat(body("[1,2]", Optional.of(CONTEXT))).isEqualTo("[1,2]");
    }

    @Test
    void only_a_2xx_invocation_error_is_a_retry_request() {
        assertThat(HandlerAnswer.read(200, bytes("{\"_retry\":true,\"retryOptions\":{\"retryAfter\":60,"
                + "\"retryReason\":\"FUNCTION_UPSTREAM_RATE_LIMITED\",\"retryData\":\"s\\u00e9\"}}")))
                .isEqualTo(new AttemptResult.RetryRequested(RetryOptions.of(60L, "FUNCTION_UPSTREAM_RATE_LIMITED",
                        "\"s\\u00e9\"")));
        assertThat(HandlerAnswer.read(200, bytes("{\"_retry\":true,\"retryOptions\":{\"retryData\":12.50,"
                + "\"retryAfter\":\"60\"}}")))
                .isEqualTo(new AttemptResult.RetryRequested(RetryOptions.of(null, null, "12.50")));
        assertThat(HandlerAnswer.read(200, bytes("{\"_retry\":true}")))
                .isEqualTo(new AttemptResult.RetryRequested(RetryOptions.defaults()));
        assertThat(HandlerAnswer.read(200, bytes("{\"_retry\":false,\"retryOptions\":{}}")))
                .isEqualTo(new AttemptResult.Succeeded());
        assertThat(HandlerAnswer.read(200, bytes("{\"_retry\":\"true\"}"))).isEqualTo(new AttemptResult.Succeeded());
        assertThat(HandlerAnswer.read(200, bytes("not json"))).isEqualTo(new AttemptResult.Succeeded());
        assertThat(HandlerAnswer.read(200, new LimitedBody.Bytes("{\"_retry\":true}".getBytes(StandardCharsets.UTF_8),
                true))).isEqualTo(new AttemptResult.Succeeded());
        assertThat(HandlerAnswer.read(500, bytes("{\"_retry\":true}")))
                .isInstanceOf(AttemptResult.Failed.class);
    }

    @Test
    void error_answers_keep_a_short_single_line_snippet() {
        String long500 = "line one\nline two\r\n" + "x".repeat(500);
        AttemptResult result = HandlerAnswer.read(500, bytes(long500));
        assertThat(result.summary()).contains("HTTP 500: line one line two xxx").doesNotContain("\n")
                .hasSizeLessThan(300);
    }
}
