package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.assertFalse;
import static dev.accessgate.domain.filter.FilterTesting.assertTrue;
import static dev.accessgate.domain.filter.FilterTesting.eval;
import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsTest {

    @Test
    void catchBindsTheThrownString() {
        assertTrue("try { throw 'boom' } catch (e) { e == 'boom' }");
        assertTrue("try { throw `n=${1 + 1}` } catch (e) { e == 'n=2' }");
    }

    @Test
    void catchBindsAMessageForTypeErrors() {
        assertTrue("try { null.x } catch (e) { typeof e == 'String' && e.includes('null') }");
    }

    @Test
    void uncaughtThrowIsAnError() {
        FilterError error = runtimeError("throw 'stop'", ErrorCode.E_THROW);
        assertThat(error.message()).isEqualTo("stop");
    }

    @Test
    void throwNeedsAString() {
        runtimeError("throw 1", ErrorCode.E_TYPE);
        runtimeError("throw null", ErrorCode.E_TYPE);
        assertTrue("try { throw 1 } catch (e) { e.includes('String') }");
    }

    @Test
    void errorsInTheCatchBlockPropagate() {
        runtimeError("try { throw 'a' } catch (e) { throw e + 'b' }", ErrorCode.E_THROW);
        runtimeError("try { throw 'a' } catch (e) { e.x.y }", ErrorCode.E_TYPE);
    }

    @Test
    void tryBlocksNestAndHaveDeclarations() {
        assertTrue("try { let a = 1; try { throw 'in' } catch (x) { a == 1 && x == 'in' } } catch (y) { false }");
        assertTrue("try { try { throw 'in' } catch (x) { throw x + '2' } } catch (y) { y == 'in2' }");
    }

    @Test
    void stepOverrunIsNotCatchable() {
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            big.add(i);
        }
        Evaluation e = eval("try { event.big.map(a => event.big.map(b => a * b)).length > 0 } catch (e) { true }",
                FilterTesting.map("big", big));
        assertThat(e.error().code()).isEqualTo(ErrorCode.E_STEPS);
    }

    @Test
    void returnIsOptionalAndOnlyBeforeTheStatement() {
        assertTrue("return true");
        assertTrue("let a = 1; return a == 1;");
        assertTrue("return if (true) { return true } else { false }");
    }

    @Test
    void ifChoosesTheFirstTruthyCondition() {
        assertTrue("if (0) { false } else if ('x') { true } else { false }");
        assertFalse("if (null) { true } else { false }");
        assertTrue("if ([]) { true } else { false }");
    }

    @Test
    void onlyTheChosenBranchIsEvaluated() {
        assertTrue("if (true) { true } else { event.missing.x }");
        assertTrue("if (false) { event.missing.x } else if (true) { true } else { event.missing.x }");
    }

    @Test
    void valueOfABodyIsItsStatement() {
        assertThat(eval("let a = true; if (a) { let b = false; b } else { true }").value()).isEqualTo(false);
    }
}
