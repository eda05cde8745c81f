package dev.accessgate.application.testkit;

import static dev.accessgate.application.testkit.TestBaselines.baseline;
import static dev.accessgate.application.testkit.TestEvents.objectsBlocked;
import static dev.accessgate.application.testkit.TestEvents.received;
import static dev.accessgate.domain.policy.PolicyEventGenerators.mixedHistories;
import static dev.accessgate.domain.policy.PolicyEventGenerators.redelivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.policy.AccessPolicyState;
import dev.accessgate.domain.policy.ApplyOutcome;
import dev.accessgate.domain.policy.Baseline;
import dev.accessgate.domain.policy.BaselineChange;
import dev.accessgate.domain.policy.BaselineId;
import dev.accessgate.domain.policy.BaselineOutcome;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.PolicyInput;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspacePolicy;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.accessgate.application.port.out.BaselineStore} must do, together with
 * the event store and the ledger of the same store. Its property test feeds random mixes of
 * events and baselines, redelivered and shuffled, to the store and to the domain's reference
 * model, and compares every outcome and everything the store answers.
 */
public abstract class BaselineStoreContractTest {

    private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
    private static final WorkspaceId ABC = new WorkspaceId("abc");
    private static final ObjectRef PAGE_1 = ObjectRef.of("confluence", "page", "1");
    private static final ObjectRef PAGE_2 = ObjectRef.of("confluence", "page", "2");
    private static final ObjectRef PAGE_3 = ObjectRef.of("confluence", "page", "3");
    private static final ObjectRef BLOG_1 = ObjectRef.of("confluence", "blogpost", "1");
    private static final ObjectRef ISSUE_1 = ObjectRef.of("jira", "issue", "1");

    private BaselineStores stores;

    /** A new, empty store. */
    protected abstract BaselineStores newStores();

    /** Examples of the property test; a slow store may lower it. */
    protected int examples() {
        return 60;
    }

    @BeforeEach
    void freshStore() {
        stores = newStores();
    }

    private RecordOutcome record(PolicyEvent event) {
        return stores.events().record(received(event), new Processing.Applied(event));
    }

    private BaselineImportOutcome importBaseline(Baseline baseline) {
        return importBaseline(baseline, baseline.objects());
    }

    private BaselineImportOutcome importBaseline(Baseline baseline, Collection<ObjectRef> sent) {
        return stores.baselines().importBaseline(baseline.header(), BaselineObjects.of(sent), TestEvents.RECEIVED_AT);
    }

    private static Block block(String id, Instant at) {
        return new Block(at, new EventId(id));
    }

    private Optional<Block> answer(ObjectRef object) {
        return stores.ledger().objectBlock(ABC, object);
    }

    private long blockedObjects(WorkspaceId ws) {
        return stores.ledger().workspaces().stream().filter(s -> s.workspace().equals(ws))
                .mapToLong(WorkspaceSummary::blockedObjects).findFirst().orElse(0);
    }

    @Test
    void the_store_agrees_with_the_domain_model_for_any_mix_and_order_of_events_and_baselines() {
        // One store for all examples: each example lives in its own workspaces and ids.
        AtomicInteger example = new AtomicInteger();
        qt().withExamples(examples()).forAll(mixedHistories("x"), longs().all()).checkAssert((history, seed) -> {
            String tag = "m" + example.incrementAndGet() + "-";
            List<PolicyInput> inputs = history.stream().map(input -> tagged(tag, input)).toList();
            AccessPolicyState model = new AccessPolicyState();
            Random random = new Random(seed);
            Set<ObjectRef> mentioned = new HashSet<>();

            for (PolicyInput input : redelivered(inputs, seed)) {
                Object expected = input.applyTo(model);
                if (input instanceof PolicyInput.Event event) {
                    assertThat(record(event.event())).isEqualTo(expected(expected));
                    if (event.event() instanceof ObjectsBlocked blocked) {
                        mentioned.addAll(blocked.objects());
                    }
                } else {
                    Baseline baseline = ((PolicyInput.Import) input).baseline();
                    // Sent in another order, with repeats: still the same baseline.
                    List<ObjectRef> sent = new ArrayList<>(baseline.objects());
                    sent.addAll(sent.subList(0, sent.size() / 2));
                    Collections.shuffle(sent, random);
                    assertThat(importBaseline(baseline, sent)).isEqualTo(expected(expected));
                    mentioned.addAll(baseline.objects());
                }
            }

            for (WorkspacePolicy expected : model.workspaces().values()) {
                WorkspaceId ws = expected.workspace();
                assertThat(Ledgers.allObjects(stores.ledger(), ws)).containsExactlyElementsOf(expected.blockedObjects().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new BlockedObject(e.getKey(), e.getValue())).toList());
                assertThat(stores.ledger().containers(ws)).containsExactlyElementsOf(
                        expected.blockedContainers().entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> new BlockedContainer(e.getKey(), e.getValue())).toList());
                assertThat(stores.ledger().workspaces()).contains(new WorkspaceSummary(ws,
                        expected.blockedObjects().size(), expected.blockedContainers().size()));
                for (ObjectRef object : mentioned) {
                    assertThat(stores.ledger().objectBlock(ws, object)).isEqualTo(expected.objectBlock(object));
                }
            }
        });
    }

    private static Object expected(Object modelOutcome) {
        if (modelOutcome instanceof ApplyOutcome.Applied applied) {
            return new RecordOutcome.Recorded(applied.eventId(), applied.newlyBlocked());
        }
        if (modelOutcome instanceof ApplyOutcome.AlreadyApplied already) {
            return new RecordOutcome.Duplicate(already.eventId());
        }
        if (modelOutcome instanceof BaselineOutcome.Applied applied) {
            return new BaselineImportOutcome.Imported(applied.id(), applied.objects(), applied.containers());
        }
        return new BaselineImportOutcome.Duplicate(((BaselineOutcome.AlreadyApplied) modelOutcome).id());
    }

    private static PolicyInput tagged(String tag, PolicyInput input) {
        if (input instanceof PolicyInput.Event event) {
            return new PolicyInput.Event(TestEvents.tagged(tag, event.event()));
        }
        return new PolicyInput.Import(TestBaselines.tagged(tag, ((PolicyInput.Import) input).baseline()));
    }

    @Test
    void a_baseline_replaces_what_earlier_events_said_in_its_scope() {
        record(objectsBlocked("e1", "abc", T.minusSeconds(10), List.of(PAGE_1, PAGE_2, BLOG_1, ISSUE_1)));

        BaselineImportOutcome outcome = importBaseline(baseline("b1", "abc", T, "confluence",
                Optional.of(Set.of("page")), Optional.empty(), List.of(PAGE_2, PAGE_3)));

        assertThat(outcome).isEqualTo(new BaselineImportOutcome.Imported(new BaselineId("b1"),
                new BaselineChange(2, 0, 1, 1), Optional.empty()));
        assertThat(answer(PAGE_1)).isEmpty();
        assertThat(answer(PAGE_2)).contains(block("b1", T));
        assertThat(answer(PAGE_3)).contains(block("b1", T));
        assertThat(answer(BLOG_1)).contains(block("e1", T.minusSeconds(10)));
        assertThat(answer(ISSUE_1)).contains(block("e1", T.minusSeconds(10)));
        assertThat(blockedObjects(ABC)).isEqualTo(4);
    }

    @Test
    void the_same_baseline_sent_again_in_another_order_is_a_duplicate_and_changes_nothing() {
        Baseline baseline = baseline("b1", "abc", T, "confluence", List.of(PAGE_1, PAGE_2, BLOG_1));
        importBaseline(baseline);
        record(objectsBlocked("later", "abc", T.plusSeconds(1), List.of(PAGE_3)));

        BaselineImportOutcome again = importBaseline(baseline, List.of(BLOG_1, PAGE_2, PAGE_1, PAGE_2));

        assertThat(again).isEqualTo(new BaselineImportOutcome.Duplicate(new BaselineId("b1")));
        assertThat(answer(PAGE_3)).contains(block("later", T.plusSeconds(1)));
        assertThat(blockedObjects(ABC)).isEqualTo(4);
    }

    @Test
    void another_baseline_reusing_an_id_is_a_conflict_and_changes_nothing() {
        importBaseline(baseline("b1", "abc", T, "confluence", List.of(PAGE_1)));

        BaselineImportOutcome outcome = importBaseline(baseline("b1", "abc", T.plusSeconds(1), "confluence",
                List.of(PAGE_2)));

        assertThat(outcome).isEqualTo(new BaselineImportOutcome.Conflict(new BaselineId("b1")));
        assertThat(answer(PAGE_1)).contains(block("b1", T));
        assertThat(answer(PAGE_2)).isEmpty();
    }

    @Test
    void baseline_ids_belong_to_their_workspace() {
        importBaseline(baseline("b1", "abc", T, "confluence", List.of(PAGE_1)));

        BaselineImportOutcome other = importBaseline(baseline("b1", "def", T, "jira", List.of(ISSUE_1)));

        assertThat(other).isInstanceOf(BaselineImportOutcome.Imported.class);
        assertThat(stores.ledger().workspaces()).containsExactly(new WorkspaceSummary(ABC, 1, 0),
                new WorkspaceSummary(new WorkspaceId("def"), 1, 0));
    }

    @Test
    void an_empty_baseline_in_a_new_workspace_lists_the_workspace_with_nothing_blocked() {
        importBaseline(baseline("b1", "fresh", T, "jira", List.of()));

        assertThat(stores.ledger().workspaces()).containsExactly(new WorkspaceSummary(new WorkspaceId("fresh"), 0, 0));
    }

    @Test
    void events_at_or_before_the_covering_baseline_are_ignored_and_later_ones_apply() {
        importBaseline(baseline("b1", "abc", T, "confluence", List.of()));

        assertThat(record(objectsBlocked("at", "abc", T, List.of(PAGE_1, ISSUE_1))))
                .isEqualTo(new RecordOutcome.Recorded(new EventId("at"), 1));
        assertThat(record(objectsBlocked("after", "abc", T.plusNanos(1), List.of(PAGE_2))))
                .isEqualTo(new RecordOutcome.Recorded(new EventId("after"), 1));

        assertThat(answer(PAGE_1)).isEmpty();
        assertThat(answer(ISSUE_1)).contains(block("at", T));
        assertThat(answer(PAGE_2)).contains(block("after", T.plusNanos(1)));
        assertThat(blockedObjects(ABC)).isEqualTo(2);
    }

    @Test
    void a_later_block_takes_over_when_a_baseline_removes_the_earliest() {
        record(objectsBlocked("late", "abc", T.plusSeconds(10), List.of(PAGE_1, PAGE_2)));
        record(objectsBlocked("early", "abc", T.minusSeconds(10), List.of(PAGE_1, PAGE_2)));
        assertThat(answer(PAGE_1)).contains(block("early", T.minusSeconds(10)));

        BaselineImportOutcome outcome = importBaseline(baseline("b1", "abc", T, "confluence", List.of(PAGE_2)));

        assertThat(outcome).isEqualTo(new BaselineImportOutcome.Imported(new BaselineId("b1"),
                new BaselineChange(1, 0, 0, 0), Optional.empty()));
        assertThat(answer(PAGE_1)).contains(block("late", T.plusSeconds(10)));
        assertThat(answer(PAGE_2)).contains(block("b1", T));
        assertThat(blockedObjects(ABC)).isEqualTo(2);

        // A newer baseline that lists neither removes both, the later event included.
        importBaseline(baseline("b2", "abc", T.plusSeconds(20), "confluence", List.of()));
        assertThat(answer(PAGE_1)).isEmpty();
        assertThat(answer(PAGE_2)).isEmpty();
        assertThat(blockedObjects(ABC)).isZero();
    }

    @Test
    void an_older_baseline_is_old_news_where_a_newer_one_covers() {
        importBaseline(baseline("new", "abc", T, "confluence", Optional.of(Set.of("page")), Optional.empty(),
                List.of()));

        BaselineImportOutcome outcome = importBaseline(baseline("old", "abc", T.minusSeconds(60), "confluence",
                List.of(PAGE_1, BLOG_1)));

        assertThat(outcome).isEqualTo(new BaselineImportOutcome.Imported(new BaselineId("old"),
                new BaselineChange(2, 1, 1, 0), Optional.empty()));
        assertThat(answer(PAGE_1)).isEmpty();
        assertThat(answer(BLOG_1)).contains(block("old", T.minusSeconds(60)));
    }

    @Test
    void containers_are_replaced_only_by_a_baseline_that_lists_containers() {
        record(new ContainerBlocked(ABC, block("c1", T.minusSeconds(1)), ContainerRef.of("confluence", "S1")));
        record(new ContainerBlocked(ABC, block("c2", T.minusSeconds(1)), ContainerRef.of("jira", "P1")));
        importBaseline(baseline("objects-only", "abc", T, "confluence", List.of()));
        assertThat(stores.ledger().containers(ABC)).hasSize(2);

        BaselineImportOutcome outcome = importBaseline(baseline("spaces", "abc", T, "confluence",
                Optional.of(Set.of()), Optional.of(Set.of("S2", "S3")), List.of()));

        assertThat(outcome).isEqualTo(new BaselineImportOutcome.Imported(new BaselineId("spaces"),
                BaselineChange.NONE, Optional.of(new BaselineChange(2, 0, 2, 1))));
        assertThat(stores.ledger().containers(ABC)).containsExactly(
                new BlockedContainer(ContainerRef.of("confluence", "S2"), block("spaces", T)),
                new BlockedContainer(ContainerRef.of("confluence", "S3"), block("spaces", T)),
                new BlockedContainer(ContainerRef.of("jira", "P1"), block("c2", T.minusSeconds(1))));
        assertThat(stores.ledger().workspaces()).containsExactly(new WorkspaceSummary(ABC, 0, 3));
    }

    @Test
    void a_large_baseline_is_applied_whole_and_a_smaller_one_replaces_it() {
        List<ObjectRef> objects = new ArrayList<>();
        for (int i = 25_000; i > 0; i--) {
            objects.add(ObjectRef.of("jira", "issue", "ISSUE-" + i));
        }
        assertThat(importBaseline(baseline("big", "abc", T, "jira", objects))).isEqualTo(
                new BaselineImportOutcome.Imported(new BaselineId("big"), new BaselineChange(25_000, 0, 25_000, 0),
                        Optional.empty()));
        assertThat(blockedObjects(ABC)).isEqualTo(25_000);

        List<ObjectRef> half = objects.subList(0, 12_500);
        assertThat(importBaseline(baseline("half", "abc", T.plusSeconds(1), "jira", half))).isEqualTo(
                new BaselineImportOutcome.Imported(new BaselineId("half"), new BaselineChange(12_500, 0, 0, 12_500),
                        Optional.empty()));
        assertThat(blockedObjects(ABC)).isEqualTo(12_500);
        assertThat(answer(ObjectRef.of("jira", "issue", "ISSUE-25000"))).contains(block("half", T.plusSeconds(1)));
        assertThat(answer(ObjectRef.of("jira", "issue", "ISSUE-1"))).isEmpty();
    }
}
