package dev.accessgate.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryOptionsTest {

    @Test
    void theForgeEventsFixtureIsClampedAndKeepsItsData() {
        // shared/fixtures/invocation-error.forge-events.json, as the JSON adapter would hand it over
        RetryOptions options = RetryOptions.of(1200, "FUNCTION_UPSTREAM_RATE_LIMITED", "{\"userName\":\"john\"}");

        assertThat(options.retryAfterSeconds()).isEqualTo(900);
        assertThat(options.reason()).isEqualTo(RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED);
        assertThat(options.retryData()).contains(new RetryData("{\"userName\":\"john\"}"));
        assertThat(options.notes()).containsExactly("retryAfter '1200' changed to 900 (allowed 1..900 seconds)");
    }

    @ParameterizedTest
    @CsvSource({"1200, 900", "901, 900", "900, 900", "60, 60", "1, 1", "0, 1", "-5, 1"})
    void retryAfterIsBroughtInto1To900(long raw, long expected) {
        assertThat(RetryOptions.of(raw, null, null).retryAfterSeconds()).isEqualTo(expected);
    }

    @Test
    void aValueInRangeLeavesNoNote() {
        assertThat(RetryOptions.of(60, "FUNCTION_RETRY_REQUEST", "{}").notes()).isEmpty();
        assertThat(RetryOptions.of(60.0, null, null).notes()).isEmpty();
    }

    @Test
    void missingOptionsMeanOneSecondAndFunctionRetryRequest() {
        RetryOptions options = RetryOptions.of(null, null, null);

        assertThat(options).isEqualTo(RetryOptions.defaults());
        assertThat(options.retryAfterSeconds()).isEqualTo(1);
        assertThat(options.reason()).isEqualTo(RetryReason.FUNCTION_RETRY_REQUEST);
        assertThat(options.retryData()).isEmpty();
        assertThat(options.notes()).isEmpty();
    }

    @Test
    void missingRetryAfterAloneIsOneSecond() {
        RetryOptions options = RetryOptions.of(null, "FUNCTION_UPSTREAM_RATE_LIMITED", null);

        assertThat(options.retryAfterSeconds()).isEqualTo(1);
        assertThat(options.reason()).isEqualTo(RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED);
    }

    @Test
    void missingReasonAloneIsFunctionRetryRequest() {
        RetryOptions options = RetryOptions.of(30, null, null);

        assertThat(options.retryAfterSeconds()).isEqualTo(30);
        assertThat(options.reason()).isEqualTo(RetryReason.FUNCTION_RETRY_REQUEST);
        assertThat(options.notes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"SOMETHING_ELSE", "function_retry_request", "' FUNCTION_RETRY_REQUEST'", "''",
            "FUNCTION_TIME_OUT", "FUNCTION_PLATFORM_UNKNOWN_ERROR"})
    void aReasonThatIsNotAnAppReasonBecomesFunctionRetryRequestWithANote(String reason) {
        RetryOptions options = RetryOptions.of(10, reason, null);

        assertThat(options.reason()).isEqualTo(RetryReason.FUNCTION_RETRY_REQUEST);
        assertThat(options.notes()).singleElement().asString()
                .contains("is not an app retry reason").contains("FUNCTION_RETRY_REQUEST used instead");
    }

    @Test
    void handlerTextInANoteIsShortAndOnOneLine() {
        String hostile = "EVIL\nlevel=ERROR fake log line '" + "x".repeat(10_000);

        String note = RetryOptions.of(10, hostile, null).notes().get(0);

        assertThat(note).doesNotContain("\n").contains("EVIL\\u000alevel=ERROR").hasSizeLessThan(200);
    }

    @Test
    void retryDataUpTo4096BytesIsKeptAsIs() {
        String ascii = "\"" + "a".repeat(4094) + "\"";
        String euros = "\u20ac".repeat(1365); // 3 bytes each: 4095 bytes

        assertThat(RetryOptions.of(5, null, ascii).retryData()).map(RetryData::json).containsSame(ascii);
        assertThat(RetryOptions.of(5, null, euros).retryData()).map(RetryData::json).containsSame(euros);
    }

    @Test
    void retryDataOver4096BytesIsDroppedAndTheRetryStillHappens() {
        String euros = "\u20ac".repeat(1366); // 1366 characters but 4098 bytes

        RetryOptions options = RetryOptions.of(5, "FUNCTION_UPSTREAM_RATE_LIMITED", euros);

        assertThat(options.retryData()).isEmpty();
        assertThat(options.retryAfterSeconds()).isEqualTo(5);
        assertThat(options.reason()).isEqualTo(RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED);
        assertThat(options.notes()).containsExactly(
                "retryData dropped: it is 4098 bytes, over the limit of 4096 bytes; the retry goes ahead without it");
    }

    @Test
    void everyChangeIsNoted() {
        RetryOptions options = RetryOptions.of(-1, "NOPE", "x".repeat(5000));

        assertThat(options.notes()).hasSize(3);
        assertThat(options).isEqualTo(new RetryOptions(1, RetryReason.FUNCTION_RETRY_REQUEST, Optional.empty(),
                options.notes()));
    }

    @Test
    void nonIntegralNumbersRoundUpAndExtremesClamp() {
        assertThat(RetryOptions.of(0.5, null, null).retryAfterSeconds()).isEqualTo(1);
        assertThat(RetryOptions.of(1.2, null, null).retryAfterSeconds()).isEqualTo(2);
        assertThat(RetryOptions.of(899.01, null, null).retryAfterSeconds()).isEqualTo(900);
        assertThat(RetryOptions.of(Double.NaN, null, null).retryAfterSeconds()).isEqualTo(1);
        assertThat(RetryOptions.of(Double.POSITIVE_INFINITY, null, null).retryAfterSeconds()).isEqualTo(900);
        assertThat(RetryOptions.of(Double.NEGATIVE_INFINITY, null, null).retryAfterSeconds()).isEqualTo(1);
        assertThat(RetryOptions.of(new BigDecimal("1E+999999999"), null, null).retryAfterSeconds()).isEqualTo(900);
        assertThat(RetryOptions.of(new BigDecimal("-1E+999999999"), null, null).retryAfterSeconds()).isEqualTo(1);
        assertThat(RetryOptions.of(new BigDecimal("59.000"), null, null).retryAfterSeconds()).isEqualTo(59);
        assertThat(RetryOptions.of(BigInteger.TEN.pow(100), null, null).retryAfterSeconds()).isEqualTo(900);
        assertThat(RetryOptions.of(Long.MIN_VALUE, null, null).retryAfterSeconds()).isEqualTo(1);
        assertThat(RetryOptions.of(Integer.MAX_VALUE, null, null).retryAfterSeconds()).isEqualTo(900);
    }

    @Test
    void theConstructorIsStrictWhereTheFactoryIsLenient() {
        assertThatThrownBy(() -> new RetryOptions(0, RetryReason.FUNCTION_RETRY_REQUEST, Optional.empty(), List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("retryAfter"));
        assertThatThrownBy(() -> new RetryOptions(901, RetryReason.FUNCTION_RETRY_REQUEST, Optional.empty(), List.of()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new RetryOptions(5, RetryReason.FUNCTION_TIME_OUT, Optional.empty(), List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("retryReason"));
    }

    @Test
    void retryDataRefusesMoreThan4096Bytes() {
        assertThat(new RetryData("a".repeat(4096)).json()).hasSize(4096);
        assertThatThrownBy(() -> new RetryData("a".repeat(4097)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.LIMIT_EXCEEDED);
                    assertThat(e.field()).isEqualTo("retryData");
                });
        assertThat(RetryData.utf8Length("\uD83D\uDE00")).isEqualTo(4); // one emoji, two chars
    }
}
