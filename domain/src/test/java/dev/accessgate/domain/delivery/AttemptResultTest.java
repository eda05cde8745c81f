package dev.accessgate.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.domain.delivery.AttemptResult.Failed;
import dev.accessgate.domain.delivery.AttemptResult.PermanentFailure;
import dev.accessgate.domain.delivery.AttemptResult.RetryRequested;
import dev.accessgate.domain.delivery.AttemptResult.Succeeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptResultTest {

    @Test
    void eachFailureKindHasItsPlatformReason() {
        assertThat(FailureKind.TIMED_OUT.reason()).isEqualTo(RetryReason.FUNCTION_TIME_OUT);
        assertThat(FailureKind.OUT_OF_MEMORY.reason()).isEqualTo(RetryReason.FUNCTION_OUT_OF_MEMORY);
        assertThat(FailureKind.RATE_LIMITED.reason()).isEqualTo(RetryReason.FUNCTION_PLATFORM_RATE_LIMITED);
        assertThat(FailureKind.UNKNOWN_ERROR.reason()).isEqualTo(RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR);
        for (FailureKind kind : FailureKind.values()) {
            assertThat(kind.reason().isPlatform()).isTrue();
        }
    }

    @Test
    void appAndPlatformReasons() {
        assertThat(RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED.isPlatform()).isFalse();
        assertThat(RetryReason.FUNCTION_RETRY_REQUEST.isPlatform()).isFalse();
        assertThat(RetryReason.values()).filteredOn(RetryReason::isPlatform).hasSize(4);
        assertThat(RetryReason.fromName("FUNCTION_TIME_OUT")).contains(RetryReason.FUNCTION_TIME_OUT);
        assertThat(RetryReason.fromName("function_time_out")).isEmpty();
        assertThat(RetryReason.fromName(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void rateLimitStatusesAreRetriedAsPlatformRateLimited(int status) {
        AttemptResult result = AttemptResult.ofHttpStatus(status, "slow down");

        assertThat(result).isEqualTo(new Failed(FailureKind.RATE_LIMITED, "HTTP " + status + ": slow down"));
        assertThat(result.retryReason()).contains(RetryReason.FUNCTION_PLATFORM_RATE_LIMITED);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 408, 409, 410, 422, 499})
    void otherClientErrorsArePermanent(int status) {
        AttemptResult result = AttemptResult.ofHttpStatus(status, null);

        assertThat(result).isEqualTo(new PermanentFailure("HTTP " + status));
        assertThat(result.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504, 599, 100, 301, 304, 600, 999, 0, -1})
    void otherStatusesAreUnknownErrors(int status) {
        AttemptResult result = AttemptResult.ofHttpStatus(status, "");

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(result.retryReason()).contains(RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void successStatusesSucceed(int status) {
        assertThat(AttemptResult.ofHttpStatus(status, "ok")).isEqualTo(new Succeeded());
    }

    @Test
    void longDetailsAreCutNotRefused() {
        Failed failed = new Failed(FailureKind.UNKNOWN_ERROR, "x".repeat(100_000));
        PermanentFailure permanent = new PermanentFailure(null);

        assertThat(failed.detail()).hasSize(1024).endsWith("\u2026");
        assertThat(permanent.detail()).isEmpty();
        assertThat(permanent.summary()).isEqualTo("permanent failure");
    }

    @Test
    void aRetryRequestCarriesTheAppReason() {
        RetryRequested requested = new RetryRequested(RetryOptions.of(60, "FUNCTION_UPSTREAM_RATE_LIMITED", null));

        assertThat(requested.retryReason()).contains(RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED);
        assertThat(requested.summary()).isEqualTo("retry requested (FUNCTION_UPSTREAM_RATE_LIMITED, after 60 s)");
        assertThat(new Succeeded().isRetryable()).isFalse();
    }
}
