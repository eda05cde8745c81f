package dev.accessgate.adapters.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the qsh canonicaliser (its agreement with atlassian-jwt is AtlassianJwtCrossCheckTest). */
class QueryStringHashTest {

    private static final Gen<String> TEXT = strings().allPossible().ofLengthBetween(0, 8)
            .map(s -> s.codePoints().filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());

    @Test
    void the_atlassian_documentation_example() {
        // The canonical form of GET /rest/api/2/project?expand=...: sorted, RFC 3986 encoded.
        assertThat(QueryStringHash.canonicalRequest("get", "/rest/api/2/project",
                "startAt=0&maxResults=50&expand=description,lead", null))
                .isEqualTo("GET&/rest/api/2/project&expand=description%2Clead&maxResults=50&startAt=0");
    }

    @Test
    void encoding_then_decoding_gives_any_text_back() {
        qt().forAll(TEXT).checkAssert(text -> {
            String encoded = QueryStringHash.encode(text);
            assertThat(encoded).matches("[A-Za-z0-9._~%-]*");
            assertThat(QueryStringHash.nodeQueryPairs("a=" + encoded)).singleElement()
                    .satisfies(pair -> assertThat(pair).containsExactly("a", text));
        });
    }

    @Test
    void a_second_escape_in_a_name_makes_node_decode_its_value_too() {
        // Node's scan looks for the value's escape while still in an encoded name: "%A9" sets it,
        // and decoding "%\u00e9" fails on the stray %, so it goes byte by byte (\u00e9 -> U+FFFD).
        assertThat(QueryStringHash.canonicalQuery("%C3%A9=%\u00e9")).isEqualTo("%C3%A9=%25%EF%BF%BD");
        assertThat(QueryStringHash.canonicalQuery("%41=%\u00e9")).isEqualTo("A=%25%C3%A9");
        assertThat(QueryStringHash.canonicalQuery("a=%+41\u00e9")).isEqualTo("a=%25%2041%EF%BF%BD");
    }

    @Test
    void the_order_of_parameters_and_the_jwt_parameter_do_not_change_the_hash() {
        Gen<List<String>> pairs = lists().of(TEXT.zip(TEXT, (k, v) -> QueryStringHash.encode(k) + "="
                + QueryStringHash.encode(v))).ofSizeBetween(0, 8);
        qt().forAll(pairs, longs().all()).checkAssert((list, seed) -> {
            List<String> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.add(new Random(seed).nextInt(shuffled.size() + 1), "jwt=some.token.value");
            assertThat(QueryStringHash.of("POST", "/p", String.join("&", shuffled), ""))
                    .isEqualTo(QueryStringHash.of("POST", "/p", String.join("&", list), ""));
        });
    }

    @Test
    void a_canonical_query_without_repeated_names_is_its_own_canonical_form() {
        Gen<List<String>> names = lists().of(TEXT).ofSizeBetween(0, 6)
                .map(l -> l.stream().filter(n -> !n.equals("jwt") && !n.equals("__proto__")).distinct().toList());
        qt().forAll(names, TEXT).checkAssert((list, value) -> {
            String query = String.join("&", list.stream()
                    .map(n -> QueryStringHash.encode(n) + "=" + QueryStringHash.encode(value)).toList());
            String canonical = QueryStringHash.canonicalQuery(query);
            assertThat(QueryStringHash.canonicalQuery(canonical)).isEqualTo(canonical);
        });
    }

    @Test
    void any_change_of_method_path_or_a_value_changes_the_hash() {
        qt().forAll(Generate.pick(List.of("GET", "POST", "PUT")), TEXT, TEXT).checkAssert((method, value, other) -> {
            String query = "a=" + QueryStringHash.encode(value);
            String qsh = QueryStringHash.of(method, "/p", query, "");
            assertThat(QueryStringHash.of(method.equals("GET") ? "POST" : "GET", "/p", query, "")).isNotEqualTo(qsh);
            assertThat(QueryStringHash.of(method, "/q", query, "")).isNotEqualTo(qsh);
            if (!other.equals(value)) {
                assertThat(QueryStringHash.of(method, "/p", "a=" + QueryStringHash.encode(other), "")).isNotEqualTo(qsh);
            }
        });
    }

    @Test
    void path_rules() {
        assertThat(QueryStringHash.canonicalPath("", null)).isEqualTo("/");
        assertThat(QueryStringHash.canonicalPath("/a/b/", null)).isEqualTo("/a/b");
        assertThat(QueryStringHash.canonicalPath("/a&b", null)).isEqualTo("/a%26b");
        assertThat(QueryStringHash.canonicalPath("/app/connect/enabled", "/app")).isEqualTo("/connect/enabled");
        assertThat(QueryStringHash.canonicalPath("/app/connect/enabled", "/app/")).isEqualTo("/connect/enabled");
        assertThat(QueryStringHash.canonicalPath("/app", "/app")).isEqualTo("/");
        assertThat(QueryStringHash.canonicalPath("/a\\b", null)).isEqualTo("/a/b");
    }
}
