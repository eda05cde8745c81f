package dev.accessgate.domain.policy;

import static dev.accessgate.domain.policy.PolicyEventGenerators.mixedHistories;
import static dev.accessgate.domain.policy.PolicyEventGenerators.redelivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The rules of baselines (see {@link WorkspacePolicy}) hold for any mix of events and baselines. */
class BaselinePropertiesTest {

    private static AccessPolicyState fold(List<PolicyInput> inputs) {
        AccessPolicyState state = new AccessPolicyState();
        inputs.forEach(input -> input.applyTo(state));
        return state;
    }

    @Test
    void any_order_of_the_same_events_and_baselines_with_redeliveries_gives_the_same_state() {
        qt().withExamples(1000).forAll(mixedHistories("x"), longs().all()).checkAssert((history, seed) ->
                assertThat(fold(redelivered(history, seed))).isEqualTo(fold(history)));
    }

    @Test
    void applying_any_input_twice_is_the_same_as_applying_it_once() {
        qt().withExamples(300).forAll(mixedHistories("x")).checkAssert(history -> {
            AccessPolicyState twice = new AccessPolicyState();
            for (PolicyInput input : history) {
                input.applyTo(twice);
                assertThat(input.applyTo(twice)).isInstanceOfAny(ApplyOutcome.AlreadyApplied.class,
                        BaselineOutcome.AlreadyApplied.class);
            }
            assertThat(twice).isEqualTo(fold(history));
        });
    }

    @Test
    void the_state_is_what_the_latest_covering_baseline_and_the_events_after_it_say() {
        qt().withExamples(1000).forAll(mixedHistories("x"), longs().all()).checkAssert((history, seed) -> {
            AccessPolicyState state = fold(redelivered(history, seed));
            Expected expected = Expected.of(history);
            for (WorkspacePolicy policy : state.workspaces().values()) {
                WorkspaceId ws = policy.workspace();
                assertThat(policy.blockedObjects()).isEqualTo(expected.answers(ws, expected.objectFacts));
                assertThat(policy.blockedContainers()).isEqualTo(expected.answers(ws, expected.containerFacts));
                expected.objectFacts.getOrDefault(ws, Map.of()).forEach((object, facts) ->
                        assertThat(policy.objectFacts(object)).isEqualTo(facts));
            }
        });
    }

    @Test
    void right_after_a_baseline_what_it_lists_is_blocked_by_it_unless_a_newer_baseline_covers_it() {
        qt().withExamples(500).forAll(mixedHistories("x"), longs().all()).checkAssert((history, seed) -> {
            AccessPolicyState state = new AccessPolicyState();
            for (PolicyInput input : redelivered(history, seed)) {
                if (!(input instanceof PolicyInput.Import imported)) {
                    input.applyTo(state);
                    continue;
                }
                Baseline baseline = imported.baseline();
                WorkspacePolicy before = state.workspace(baseline.workspace()).orElse(null);
                Map<ObjectRef, Boolean> newer = new HashMap<>();
                Map<ObjectRef, NavigableSet<Block>> factsBefore = new HashMap<>();
                for (ObjectRef object : baseline.objects()) {
                    newer.put(object, before != null && before.coveringBaseline(object.product(), object.type())
                            .map(covering -> covering.compareTo(baseline.header().block()) >= 0).orElse(false));
                    factsBefore.put(object, before == null ? new TreeSet<>() : new TreeSet<>(before.objectFacts(object)));
                }
                boolean repeat = before != null && before.hasApplied(baseline.id());

                input.applyTo(state);

                WorkspacePolicy after = state.workspace(baseline.workspace()).orElseThrow();
                for (ObjectRef object : baseline.objects()) {
                    if (repeat || newer.get(object)) {
                        assertThat(after.objectFacts(object)).isEqualTo(factsBefore.get(object));
                    } else {
                        assertThat(after.objectBlock(object)).contains(baseline.header().block());
                    }
                }
            }
        });
    }

    @Test
    void no_event_timed_at_or_before_the_covering_baseline_ever_shows() {
        qt().withExamples(500).forAll(mixedHistories("x"), longs().all()).checkAssert((history, seed) -> {
            AccessPolicyState state = new AccessPolicyState();
            for (PolicyInput input : redelivered(history, seed)) {
                input.applyTo(state);
                WorkspacePolicy policy = state.workspace(input.workspace()).orElseThrow();
                policy.blockedObjects().keySet().forEach(object ->
                        policy.coveringBaseline(object.product(), object.type()).ifPresent(covering ->
                                assertThat(policy.objectFacts(object)).allSatisfy(fact ->
                                        assertThat(fact.equals(covering) || fact.at().isAfter(covering.at()))
                                                .as("%s of %s under %s", fact, object, covering).isTrue())));
                policy.blockedContainers().forEach((container, block) ->
                        policy.coveringContainerBaseline(container.product()).ifPresent(covering ->
                                assertThat(block.equals(covering) || block.at().isAfter(covering.at())).isTrue()));
            }
        });
    }

    @Test
    void reported_changes_add_up_to_what_is_blocked() {
        qt().withExamples(500).forAll(mixedHistories("x"), longs().all()).checkAssert((history, seed) -> {
            AccessPolicyState state = new AccessPolicyState();
            long blocked = 0;
            for (PolicyInput input : redelivered(history, seed)) {
                Object outcome = input.applyTo(state);
                if (outcome instanceof ApplyOutcome.Applied applied) {
                    blocked += applied.newlyBlocked();
                } else if (outcome instanceof BaselineOutcome.Applied applied) {
                    blocked += applied.objects().newlyBlocked() - applied.objects().unblocked();
                    blocked += applied.containers().map(c -> c.newlyBlocked() - c.unblocked()).orElse(0L);
                }
            }
            long stored = state.workspaces().values().stream()
                    .mapToLong(p -> p.blockedObjects().size() + p.blockedContainers().size()).sum();
            assertThat(blocked).isEqualTo(stored);
        });
    }

    /**
     * The closed form of the rules, computed from the set of inputs without applying them one
     * by one: the latest covering baseline's listing plus the events after it.
     */
    private record Expected(Map<WorkspaceId, Map<ObjectRef, NavigableSet<Block>>> objectFacts,
                            Map<WorkspaceId, Map<ContainerRef, NavigableSet<Block>>> containerFacts) {

        static Expected of(List<PolicyInput> history) {
            List<Baseline> baselines = new ArrayList<>();
            List<PolicyEvent> events = new ArrayList<>();
            for (PolicyInput input : history) {
                if (input instanceof PolicyInput.Import imported) {
                    baselines.add(imported.baseline());
                } else {
                    events.add(((PolicyInput.Event) input).event());
                }
            }
            Map<WorkspaceId, Map<ObjectRef, NavigableSet<Block>>> objects = new HashMap<>();
            Map<WorkspaceId, Map<ContainerRef, NavigableSet<Block>>> containers = new HashMap<>();
            for (PolicyEvent event : events) {
                if (event instanceof ObjectsBlocked blocked) {
                    for (ObjectRef object : blocked.objects()) {
                        Baseline covering = objectCovering(baselines, event.workspace(), object);
                        if (covering == null || event.block().at().isAfter(covering.header().time())) {
                            add(objects, event.workspace(), object, event.block());
                        }
                    }
                } else {
                    ContainerRef container = ((ContainerBlocked) event).container();
                    Baseline covering = containerCovering(baselines, event.workspace(), container.product());
                    if (covering == null || event.block().at().isAfter(covering.header().time())) {
                        add(containers, event.workspace(), container, event.block());
                    }
                }
            }
            for (Baseline baseline : baselines) {
                for (ObjectRef object : baseline.objects()) {
                    if (objectCovering(baselines, baseline.workspace(), object) == baseline) {
                        add(objects, baseline.workspace(), object, baseline.header().block());
                    }
                }
                if (containerCovering(baselines, baseline.workspace(), baseline.header().product()) == baseline) {
                    for (String id : baseline.header().containers().orElseThrow()) {
                        add(containers, baseline.workspace(), new ContainerRef(baseline.header().product(), id),
                                baseline.header().block());
                    }
                }
            }
            return new Expected(objects, containers);
        }

        /** The latest baseline whose scope includes the object's product and type. */
        private static Baseline objectCovering(List<Baseline> baselines, WorkspaceId ws, ObjectRef object) {
            Baseline latest = null;
            for (Baseline baseline : baselines) {
                if (baseline.workspace().equals(ws) && baseline.header().covers(object)
                        && (latest == null || baseline.header().block().compareTo(latest.header().block()) > 0)) {
                    latest = baseline;
                }
            }
            return latest;
        }

        private static Baseline containerCovering(List<Baseline> baselines, WorkspaceId ws, Product product) {
            Baseline latest = null;
            for (Baseline baseline : baselines) {
                if (baseline.workspace().equals(ws) && baseline.header().product().equals(product)
                        && baseline.header().coversContainers()
                        && (latest == null || baseline.header().block().compareTo(latest.header().block()) > 0)) {
                    latest = baseline;
                }
            }
            return latest;
        }

        private static <K> void add(Map<WorkspaceId, Map<K, NavigableSet<Block>>> facts, WorkspaceId ws, K key,
                                    Block block) {
            facts.computeIfAbsent(ws, w -> new HashMap<>()).computeIfAbsent(key, k -> new TreeSet<>()).add(block);
        }

        <K> Map<K, Block> answers(WorkspaceId ws, Map<WorkspaceId, Map<K, NavigableSet<Block>>> facts) {
            Map<K, Block> answers = new HashMap<>();
            facts.getOrDefault(ws, Map.of()).forEach((key, known) -> answers.put(key, known.first()));
            return answers;
        }
    }
}
