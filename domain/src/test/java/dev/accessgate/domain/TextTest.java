package dev.accessgate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TextTest {

    /** Strings of valid code points, biased towards the ranges where UTF-16 and UTF-8 order differ. */
    private static Gen<String> texts() {
        Gen<Integer> codePoint = integers().between(0x20, 0x7F)
                .mix(integers().between(0x80, 0xD7FF))
                .mix(integers().between(0xE000, 0xFFFF))
                .mix(integers().between(0x10000, 0x10FFFF));
        return lists().of(codePoint).ofSizeBetween(0, 5).map(TextTest::fromCodePoints);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    @Test
    void code_point_order_is_the_byte_order_of_utf8() {
        qt().forAll(texts(), texts()).checkAssert((a, b) ->
                assertThat(Integer.signum(Text.compareCodePoints(a, b))).isEqualTo(
                        Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                                b.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void code_point_order_is_the_byte_order_of_utf8_after_a_shared_prefix() {
        // The comparison looks at the first differing char: a shared prefix, possibly ending in
        // half of a surrogate pair, must not change the answer.
        qt().forAll(texts(), texts(), texts()).checkAssert((prefix, a, b) -> {
            String left = prefix + a;
            String right = prefix + b;
            assertThat(Integer.signum(Text.compareCodePoints(left, right))).isEqualTo(
                    Integer.signum(Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8),
                            right.getBytes(StandardCharsets.UTF_8))));
        });
    }

    @Test
    void a_supplementary_character_sorts_after_the_private_use_area_unlike_utf16_order() {
        String emoji = "\uD83D\uDE00";
        String privateUse = "\uE000";
        assertThat(Text.compareCodePoints(emoji, privateUse)).isPositive();
        assertThat(emoji.compareTo(privateUse)).isNegative();
    }

    @Test
    void identifiers_with_unpaired_surrogates_are_refused_and_paired_ones_kept() {
        assertThatThrownBy(() -> Text.identifier("id", "a\uD800")).isInstanceOf(DomainException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> Text.identifier("id", "\uDC00b")).isInstanceOf(DomainException.class);
        assertThat(Text.identifier("id", "page-\uD83D\uDE00")).isEqualTo("page-\uD83D\uDE00");
    }
}
