package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.assertTrue;
import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static dev.accessgate.domain.filter.FilterTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | 1", "1.0 | 1", "-0 | 0", "0 * -1 | 0", "7 / 2 | 3.5", "-7 / 2 | -3.5", "0.1 + 0.2 | 0.30000000000000004",
        "1 / 3 | 0.3333333333333333", "1e21 | 1e+21", "1e20 | 100000000000000000000", "123e18 | 123000000000000000000",
        "2e21 * 3 | 6e+21", "1.5e-7 | 1.5e-7", "0.000001 | 0.000001", "1e-7 | 1e-7", "1234.5678 | 1234.5678",
        "-1e21 | -1e+21", "5e-324 | 5e-324", "1.7976931348623157e308 | 1.7976931348623157e+308",
        "9007199254740993 | 9007199254740992", "123456789012345678901 | 123456789012345680000",
        "1e15 + 0.5 | 1000000000000000.5"})
    void numbersRenderLikeJavaScript(String expression, String rendered) {
        assertThat(value("`${" + expression + "}`")).isEqualTo(rendered);
    }

    @Test
    void otherScalarsRender() {
        assertTrue("`${true}|${false}|${null}|${'s'}|${event.missing}` == 'true|false|null|s|null'");
        assertTrue("`${event.issue.fields.storyPoints}` == '5'");
    }

    @Test
    void listsAndMapsDoNotRender() {
        runtimeError("`${[1]}` == ''", ErrorCode.E_TYPE);
        runtimeError("`${{}}` == ''", ErrorCode.E_TYPE);
    }

    @Test
    void templatesNest() {
        assertTrue("`a${`b${`c${1}`}`}` == 'abc1'");
        assertTrue("`${event.nums.map(n => `<${n}>`).reduce((a, b) => a + b, '')}` == '<1><2><3><4>'");
    }
}
