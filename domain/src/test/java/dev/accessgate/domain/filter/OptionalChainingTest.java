package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.assertFalse;
import static dev.accessgate.domain.filter.FilterTesting.assertTrue;
import static dev.accessgate.domain.filter.FilterTesting.eval;
import static dev.accessgate.domain.filter.FilterTesting.map;
import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionalChainingTest {

    private static final String DOC = "event.issue.fields?.issueType.name == 'Bug'";

    @Test
    void docExample() {
        assertThat(eval(DOC).isTrue()).isTrue();
        assertThat(eval(DOC, map("issue", map("fields", null))).isFalse()).isTrue();
        assertThat(eval(DOC, map("issue", map())).isFalse()).isTrue();
        runtimeError(DOC, map("issue", map("fields", map())), ErrorCode.E_TYPE);
        runtimeError(DOC, map(), ErrorCode.E_TYPE);
    }

    @Test
    void nullSkipsTheWholeRestOfTheChain() {
        assertTrue("event.missing?.a.b.c[0].d(1).e == null");
        assertTrue("event.missing?.length.foo.bar == null");
        assertTrue("event.missing?.[event.missing.x] == null");
        assertTrue("event.missing?.includes(event.missing.x) == null");
    }

    @Test
    void skippedLinksCostNoSteps() {
        assertThat(eval("event.missing?.a.b.c == null").steps()).isEqualTo(4);
        assertThat(eval("event.missing.a == null").isError()).isTrue();
    }

    @Test
    void parenthesesEndTheChain() {
        runtimeError("(event.missing?.a).b == null", ErrorCode.E_TYPE);
        assertTrue("(event.missing?.a)?.b == null");
    }

    @Test
    void nonNullLeftBehavesLikePlainAccess() {
        assertTrue("event?.issue?.key == 'PRJ-1'");
        assertTrue("event.issue.fields.labels?.[1] == 'urgent'");
        assertTrue("event.issue.fields.labels?.includes('urgent')");
        runtimeError("event.issue.fields.labels?.foo == null", ErrorCode.E_TYPE);
    }

    @Test
    void optionalGuardsOnlyItsOwnLeftValue() {
        assertFalse("event.issue?.fields.assignee != null");
        runtimeError("event.issue?.fields.assignee.name == null", ErrorCode.E_TYPE);
        assertTrue("event.issue?.fields.assignee?.name == null");
    }
}
