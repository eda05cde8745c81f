package dev.accessgate.domain.policy;

import static dev.accessgate.domain.policy.PolicyEventGenerators.histories;
import static dev.accessgate.domain.policy.PolicyEventGenerators.redelivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspacePolicyPropertiesTest {

    private static AccessPolicyState fold(List<PolicyEvent> events) {
        AccessPolicyState state = new AccessPolicyState();
        events.forEach(state::apply);
        return state;
    }

    @Test
    void any_order_of_the_same_events_with_redeliveries_gives_the_same_state() {
        qt().withExamples(500).forAll(histories("e"), longs().all()).checkAssert((history, seed) ->
                assertThat(fold(redelivered(history, seed))).isEqualTo(fold(history)));
    }

    @Test
    void applying_an_event_twice_is_the_same_as_applying_it_once() {
        qt().withExamples(300).forAll(histories("e")).checkAssert(history -> {
            AccessPolicyState once = fold(history);
            AccessPolicyState twice = new AccessPolicyState();
            for (PolicyEvent event : history) {
                twice.apply(event);
                assertThat(twice.apply(event)).isInstanceOf(ApplyOutcome.AlreadyApplied.class);
            }
            assertThat(twice).isEqualTo(once);
        });
    }

    @Test
    void container_blocks_never_mark_objects_blocked() {
        qt().withExamples(300).forAll(histories("e")).checkAssert(history -> {
            List<PolicyEvent> containersOnly = history.stream()
                    .filter(ContainerBlocked.class::isInstance).toList();
            fold(containersOnly).workspaces().values()
                    .forEach(policy -> assertThat(policy.blockedObjects()).isEmpty());
        });
    }

    @Test
    void an_object_is_blocked_exactly_when_some_event_names_it_and_keeps_the_earliest_block() {
        qt().withExamples(300).forAll(histories("e")).checkAssert(history -> {
            AccessPolicyState state = fold(history);
            for (PolicyEvent event : history) {
                if (event instanceof ObjectsBlocked blocked) {
                    WorkspacePolicy policy = state.workspace(blocked.workspace()).orElseThrow();
                    for (ObjectRef object : blocked.objects()) {
                        Block kept = policy.objectBlock(object).orElseThrow();
                        assertThat(kept.precedes(blocked.block()) || kept.equals(blocked.block())).isTrue();
                    }
                }
            }
            for (Map.Entry<WorkspaceId, WorkspacePolicy> ws : state.workspaces().entrySet()) {
                ws.getValue().blockedObjects().forEach((object, block) -> assertThat(history)
                        .anySatisfy(event -> {
                            assertThat(event).isInstanceOf(ObjectsBlocked.class);
                            assertThat(event.block()).isEqualTo(block);
                            assertThat(((ObjectsBlocked) event).objects()).contains(object);
                        }));
            }
        });
    }

    @Test
    void newly_blocked_counts_add_up_to_the_number_of_blocked_things() {
        qt().withExamples(300).forAll(histories("e"), longs().all()).checkAssert((history, seed) -> {
            AccessPolicyState state = new AccessPolicyState();
            int newlyBlocked = 0;
            for (PolicyEvent event : redelivered(history, seed)) {
                if (state.apply(event) instanceof ApplyOutcome.Applied applied) {
                    newlyBlocked += applied.newlyBlocked();
                }
            }
            int stored = state.workspaces().values().stream()
                    .mapToInt(p -> p.blockedObjects().size() + p.blockedContainers().size()).sum();
            assertThat(newlyBlocked).isEqualTo(stored);
        });
    }
}
