package dev.accessgate.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared test vector of {@code shared/fixtures/filter-vectors.json} (copied into the test resources). */
class FilterVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> vectors() throws IOException {
        try (InputStream in = FilterVectorsTest.class.getResourceAsStream("/filter/filter-vectors.json")) {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).forEach(out::add);
            return out;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return vectors().stream().map(v -> Arguments.of(v.get("name").asText(), v));
    }

    @Test
    void allEightyNineVectorsAreThere() throws IOException {
        assertThat(vectors()).hasSize(89);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(String name, JsonNode vector) {
        String expression = vector.get("expression").asText();
        Object event = JSON.convertValue(vector.get("event"), Object.class);
        JsonNode expect = vector.get("expect");
        Evaluation result;
        try {
            result = FilterExpression.compile(expression).evaluate(event);
        } catch (FilterException e) {
            assertThat(expect.isTextual()).as("static error %s", e.error()).isTrue();
            assertThat(expect.asText()).isEqualTo("error");
            return;
        }
        if (expect.isBoolean()) {
            assertThat(result.error()).as("error of %s", expression).isNull();
            assertThat(result.value()).isEqualTo(expect.asBoolean());
        } else {
            assertThat(expect.asText()).isEqualTo("error");
            assertThat(result.isError()).as("value %s", result.value()).isTrue();
        }
    }
}
