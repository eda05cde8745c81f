package dev.accessgate.domain.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class AppVersionTest {

    @Test
    void numeric_parts_compare_as_numbers() {
        assertThat(v("9.10.0")).isGreaterThan(v("9.9.0"));
        assertThat(v("10.0.0")).isGreaterThan(v("9.0.0"));
        assertThat(v("2.0.0")).isGreaterThan(v("2.0"));
        assertThat(v("2.0.0-beta")).isGreaterThan(v("2.0.0"));
        assertThat(v("1.0.0")).isEqualByComparingTo(v("1.0.0"));
    }

    @Test
    void versions_that_read_the_same_still_have_one_order() {
        assertThat(v("1.01")).isNotEqualByComparingTo(v("1.1"));
        assertThat(v("1.01").compareTo(v("1.1"))).isEqualTo(-v("1.1").compareTo(v("1.01")));
    }

    @Test
    void the_order_is_total_antisymmetric_and_transitive() {
        Gen<String> part = Generate.pick(List.of("0", "1", "01", "2", "10", "beta", "rc", "x1"));
        Gen<AppVersion> versions = lists().of(part).ofSizeBetween(1, 4)
                .zip(integers().between(0, 1), (parts, dash) -> new AppVersion(String.join(dash == 0 ? "." : "-", parts)));
        qt().forAll(versions, versions, versions).checkAssert((a, b, c) -> {
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
            assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
            if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
            }
        });
    }

    private static AppVersion v(String text) {
        return new AppVersion(text);
    }
}
