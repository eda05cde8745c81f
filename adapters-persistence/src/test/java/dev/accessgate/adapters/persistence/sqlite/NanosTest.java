package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.domain.policy.Block;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NanosTest {

    @Test
    void every_accepted_event_time_round_trips_exactly_and_keeps_its_order() {
        long first = Block.EARLIEST.getEpochSecond();
        long last = Block.LATEST.getEpochSecond() - 1;
        qt().forAll(longs().between(first, last), integers().between(0, 999_999_999),
                longs().between(first, last)).checkAssert((seconds, nanos, other) -> {
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(Nanos.toInstant(Nanos.of(instant))).isEqualTo(instant);
            Instant second = Instant.ofEpochSecond(other);
            assertThat(Long.signum(Long.compare(Nanos.of(instant), Nanos.of(second))))
                    .isEqualTo(Integer.signum(instant.compareTo(second)));
        });
    }
}
