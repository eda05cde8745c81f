package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static dev.accessgate.domain.filter.FilterTesting.staticError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors point at the offending token: 1-based line and column (in code points). */
class ErrorPositionTest {

    @Test
    void staticErrorsPointAtTheToken() {
        FilterError error = staticError("let a = 1;\nlet b = 2;\n  a + b == 3 &&\n    user.x", ErrorCode.E_REFERENCE);
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(5);
        FilterError syntax = staticError("true &&\n  (false ||)", ErrorCode.E_SYNTAX);
        assertThat(syntax.line()).isEqualTo(2);
        assertThat(syntax.column()).isEqualTo(12);
        FilterError unsupported = staticError("  new X()", ErrorCode.E_UNSUPPORTED);
        assertThat(unsupported.column()).isEqualTo(3);
    }

    @Test
    void columnsCountCodePoints() {
        FilterError error = staticError("'\ud83d\ude00\ud83d\ude00' == x", ErrorCode.E_REFERENCE);
        assertThat(error.column()).isEqualTo(9);
    }

    @Test
    void runtimeErrorsPointAtTheFailingLinkOrOperator() {
        FilterError member = runtimeError("event.issue\n  .fields.assignee.displayName == 'Ann'", ErrorCode.E_TYPE);
        assertThat(member.line()).isEqualTo(2);
        assertThat(member.column()).isEqualTo(20);
        FilterError operator = runtimeError("event.issue.key > 3", ErrorCode.E_TYPE);
        assertThat(operator.column()).isEqualTo(17);
        FilterError call = runtimeError("event.nums.map(1) == 1", ErrorCode.E_TYPE);
        assertThat(call.column()).isEqualTo(12);
        FilterError thrown = runtimeError("true ?\n throw 'x' : false", ErrorCode.E_THROW);
        assertThat(thrown.line()).isEqualTo(2);
        assertThat(thrown.column()).isEqualTo(2);
    }

    @Test
    void toStringShowsCodePositionAndMessage() {
        FilterError error = new FilterError(ErrorCode.E_TYPE, "boom", 2, 7);
        assertThat(error).hasToString("E-TYPE at 2:7: boom");
    }
}
