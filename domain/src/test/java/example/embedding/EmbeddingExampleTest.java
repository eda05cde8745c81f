package example.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.domain.DocSnippets;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.filter.FilterDecision;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/embedding.md is true: its code is this package's program, and the program does what the guide says. */
class EmbeddingExampleTest {

    private static final Path GUIDE = Path.of("../docs/embedding.md");
    private static final Path PROGRAM = Path.of("src/test/java/example/embedding/EmbeddingExample.java");

    @Test
    void the_guide_shows_exactly_the_code_of_the_program() {
        assertThat(DocSnippets.blocks(GUIDE)).isEqualTo(DocSnippets.regions(PROGRAM)).isNotEmpty();
    }

    @Test
    void events_block_what_they_name_and_nothing_else() {
        assertThat(EmbeddingExample.answers(EmbeddingExample.policyState())).containsExactly(true, false, true);
    }

    @Test
    void the_retry_rules_schedule_the_third_attempt() {
        Delivery delivery = EmbeddingExample.retries();

        assertThat(delivery.state()).isEqualTo(DeliveryState.RETRY_SCHEDULED);
        assertThat(delivery.attemptsInBudget()).isEqualTo(2);
        assertThat(delivery.retryContext()).hasValueSatisfying(context -> assertThat(context.retryCount()).isEqualTo(2));
    }

    @Test
    void the_filter_delivers_bugs_and_drops_the_rest_silently() {
        FilterDecision bug = EmbeddingExample.filter(Map.of("issue", Map.of("type", "Bug")));
        FilterDecision task = EmbeddingExample.filter(Map.of("issue", Map.of("type", "Task")));
        FilterDecision noIssue = EmbeddingExample.filter(Map.of("comment", "hello"));

        assertThat(bug.deliver()).isTrue();
        assertThat(task.deliver()).isFalse();
        assertThat(task.log()).isFalse();
        assertThat(noIssue.deliver()).isFalse();
    }

    @Test
    void the_program_runs_as_a_plain_main() {
        EmbeddingExample.main(new String[0]);
    }
}
