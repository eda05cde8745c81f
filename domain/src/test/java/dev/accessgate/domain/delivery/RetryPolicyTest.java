package dev.accessgate.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.domain.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RetryPolicyTest {

    @Test
    void theNumbersAreForgesOnes() {
        assertThat(RetryPolicy.MAX_RETRIES).isEqualTo(4);
        assertThat(RetryPolicy.MAX_ATTEMPTS).isEqualTo(5);
        assertThat(RetryPolicy.MIN_RETRY_AFTER).isEqualTo(1);
        assertThat(RetryPolicy.MAX_RETRY_AFTER).isEqualTo(900);
        assertThat(RetryPolicy.MAX_RETRY_DATA_BYTES).isEqualTo(4096);
    }

    @Test
    void platformBackoffIsOneTenHundredThenCapped() {
        assertThat(RetryPolicy.platformBackoffSeconds(1)).isEqualTo(1);
        assertThat(RetryPolicy.platformBackoffSeconds(2)).isEqualTo(10);
        assertThat(RetryPolicy.platformBackoffSeconds(3)).isEqualTo(100);
        assertThat(RetryPolicy.platformBackoffSeconds(4)).isEqualTo(900);
        assertThat(RetryPolicy.platformBackoffSeconds(5)).isEqualTo(900);
        assertThat(RetryPolicy.platformBackoffSeconds(Integer.MAX_VALUE)).isEqualTo(900);
        assertThatThrownBy(() -> RetryPolicy.platformBackoffSeconds(0)).isInstanceOf(DomainException.class);
    }

    @Test
    void platformBackoffNeverShrinksAndStaysInRange() {
        qt().forAll(integers().between(1, 10_000)).checkAssert(n -> {
            long delay = RetryPolicy.platformBackoffSeconds(n);
            assertThat(delay).isBetween(RetryPolicy.MIN_RETRY_AFTER, RetryPolicy.MAX_RETRY_AFTER);
            assertThat(delay).isGreaterThanOrEqualTo(RetryPolicy.platformBackoffSeconds(Math.max(1, n - 1)));
        });
    }

    /** Property 4: whatever a handler sends, retryAfter ends in 1..900. */
    @Test
    void retryAfterAlwaysEndsIn1To900ForLongs() {
        Gen<Long> longsWithEdges = longs().all()
                .mix(longs().between(-2, 1000))
                .mix(Generate.pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L, 900L, 901L)));
        qt().forAll(longsWithEdges).checkAssert(raw -> {
            long seconds = RetryOptions.of(raw, null, null).retryAfterSeconds();
            assertThat(seconds).isEqualTo(raw <= 1 ? 1 : Math.min(raw, 900));
        });
    }

    @Test
    void retryAfterAlwaysEndsIn1To900ForIntegers() {
        Gen<Integer> ints = integers().all()
                .mix(Generate.pick(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0)));
        qt().forAll(ints).checkAssert(raw -> {
            long seconds = RetryOptions.of(raw, null, null).retryAfterSeconds();
            assertThat(seconds).isEqualTo(raw <= 1 ? 1 : Math.min(raw, 900));
        });
    }

    @Test
    void retryAfterAlwaysEndsIn1To900ForDoubles() {
        Gen<Double> anyDouble = doubles().any().mix(doubles().between(-10, 1000))
                .mix(Generate.pick(List.of(Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE,
                        Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0)));
        qt().forAll(anyDouble).checkAssert(raw -> {
            long seconds = RetryOptions.of(raw, null, null).retryAfterSeconds();
            assertThat(seconds).isBetween(1L, 900L);
            if (raw >= 1 && raw <= 900) {
                assertThat((double) seconds).isGreaterThanOrEqualTo(raw).isLessThan(raw + 1);
            }
        });
    }

    @Test
    void retryAfterAlwaysEndsIn1To900ForBigNumbers() {
        qt().forAll(longs().all(), integers().between(-400, 400)).checkAssert((unscaled, scale) -> {
            BigDecimal decimal = BigDecimal.valueOf(unscaled, scale);
            assertThat(RetryPolicy.retryAfterSeconds(decimal)).isBetween(1L, 900L);
            BigInteger integer = BigInteger.valueOf(unscaled).multiply(BigInteger.valueOf(unscaled));
            assertThat(RetryPolicy.retryAfterSeconds(integer)).isBetween(1L, 900L);
        });
    }
}
