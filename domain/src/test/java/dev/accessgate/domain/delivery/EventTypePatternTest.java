package dev.accessgate.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.accessgate.domain.DomainException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class EventTypePatternTest {

    @ParameterizedTest
    @CsvSource({
            "avi:jira:*:issue, avi:jira:created:issue, true",
            "avi:jira:*:issue, avi:jira:updated:issue, true",
            "avi:jira:*:issue, avi:jira:created:comment, false",
            "avi:jira:*:issue, avi:jira::issue, true",
            "avi:jira:*:issue, avi:jira:a:b:issue, true",
            "avi:jira:*:issue, avi:confluence:created:issue, false",
            "avi:ecosystem.app_policy:*, avi:ecosystem.app_policy:blocked:app_access_to_objects.v2, true",
            "avi:ecosystem.app_policy:*, avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2, true",
            "avi:ecosystem.app_policy:*, avi:ecosystem.app_policy, false",
            "avi:ecosystem.app_policy:*, avi:ecosystemXapp_policy:blocked, false",
            "avi:jira:created:issue, avi:jira:created:issue, true",
            "avi:jira:created:issue, avi:jira:created:issues, false",
            "avi:jira:created:issue, AVI:JIRA:CREATED:ISSUE, false",
            "*, avi:forge:installed:app, true",
            "*:app, avi:forge:installed:app, true",
            "avi:*:*:app, avi:forge:installed:app, true",
            "a*a, a, false",
            "a*a, aa, true",
            "*ab*b, ab, false",
            "*ab*b, abb, true",
            "*aa*aa*, aaa, false",
            "*aa*aa*, aaaa, true",
            "**, '', true",
            "avi:jira:?:issue, avi:jira:x:issue, false",
            "avi:jira:?:issue, avi:jira:?:issue, true",
            "avi:[jira]:*, avi:[jira]:created:issue, true",
            "avi:[jira]:*, avi:j:created:issue, false",
            "avi.jira.*, avixjiraxcreated, false",
    })
    void globMatching(String pattern, String eventType, boolean expected) {
        assertThat(EventTypePattern.of(pattern).matches(eventType)).isEqualTo(expected);
    }

    @Test
    void exactPatternsHaveNoStar() {
        assertThat(EventTypePattern.of("avi:jira:created:issue").isExact()).isTrue();
        assertThat(EventTypePattern.of("avi:jira:*:issue").isExact()).isFalse();
    }

    @Test
    void patternsAreValidated() {
        assertThat(EventTypePattern.of("a".repeat(512)).value()).hasSize(512);
        for (String bad : Arrays.asList(null, "", "   ", "a".repeat(513), "avi:\njira")) {
            assertThatThrownBy(() -> EventTypePattern.of(bad))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("events"));
        }
    }

    /** The reference: literals quoted, each star a ".*", matched on the whole input. */
    private static boolean reference(String pattern, String eventType) {
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.DOTALL).matcher(eventType).matches();
    }

    private static Gen<String> over(List<Character> alphabet, int min, int max) {
        return lists().of(Generate.pick(alphabet)).ofSizeBetween(min, max)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    private static final List<Character> PATTERN_CHARS = List.of('a', 'b', ':', '.', '*', '*', '?', '[', '\\');
    private static final List<Character> TYPE_CHARS = List.of('a', 'b', ':', '.', '?', '[', '\\');

    /** Property 7: agrees with the regular-expression reference on random patterns and inputs. */
    @Test
    void agreesWithTheRegexReferenceOverATinyAlphabet() {
        // two letters and a star: random inputs often match, and parts often overlap
        qt().withExamples(5_000).forAll(over(List.of('a', 'b', '*'), 1, 8), over(List.of('a', 'b'), 0, 10))
                .checkAssert((pattern, eventType) -> assertThat(EventTypePattern.of(pattern).matches(eventType))
                        .as("%s against %s", pattern, eventType)
                        .isEqualTo(reference(pattern, eventType)));
    }

    /** Property 7, with the separators and the characters that are special elsewhere but literal here. */
    @Test
    void agreesWithTheRegexReferenceOnRandomInputs() {
        qt().withExamples(5_000).forAll(over(PATTERN_CHARS, 1, 10), over(TYPE_CHARS, 0, 14))
                .checkAssert((pattern, eventType) -> assertThat(EventTypePattern.of(pattern).matches(eventType))
                        .as("%s against %s", pattern, eventType)
                        .isEqualTo(reference(pattern, eventType)));
    }

    /** Property 7, matching side: fill each star of a random pattern with random text; both must say yes. */
    @Test
    void agreesWithTheRegexReferenceOnInputsBuiltFromThePattern() {
        Gen<List<String>> fills = lists().of(over(TYPE_CHARS, 0, 4)).ofSize(10);
        qt().withExamples(5_000).forAll(over(PATTERN_CHARS, 1, 10), fills).checkAssert((pattern, fill) -> {
            StringBuilder eventType = new StringBuilder();
            int star = 0;
            for (char c : pattern.toCharArray()) {
                eventType.append(c == '*' ? fill.get(star++) : String.valueOf(c));
            }
            assertThat(EventTypePattern.of(pattern).matches(eventType.toString())).isTrue();
            assertThat(reference(pattern, eventType.toString())).isTrue();
        });
    }

    /**
     * Patterns that make a backtracking matcher do quadratic or worse work. No time is asserted:
     * the point is that the matcher finishes, and the Knuth-Morris-Pratt search keeps it linear.
     */
    @Test
    void hostilePatternsStillGiveTheRightAnswer() {
        String manyStars = "*a".repeat(255) + "*b"; // 512 characters
        String longRun = "a".repeat(200_000);

        assertThat(EventTypePattern.of(manyStars).matches(longRun)).isFalse();
        assertThat(EventTypePattern.of(manyStars).matches(longRun + "b")).isTrue();
        String longPart = "*" + "a".repeat(500) + "b*";
        assertThat(EventTypePattern.of(longPart).matches(longRun)).isFalse();
        assertThat(EventTypePattern.of(longPart).matches(longRun + "b")).isTrue();
        assertThat(EventTypePattern.of("*".repeat(512)).matches(longRun)).isTrue();
    }
}
