package dev.accessgate.application.testkit;

import static dev.accessgate.application.testkit.TestEvents.objectsBlocked;
import static dev.accessgate.application.testkit.TestEvents.received;
import static dev.accessgate.domain.policy.PolicyEventGenerators.histories;
import static dev.accessgate.domain.policy.PolicyEventGenerators.redelivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.domain.policy.AccessPolicyState;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspacePolicy;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.accessgate.application.port.out.BlockLedgerStore} must answer. Its
 * property test checks the store against the domain's reference model.
 */
public abstract class BlockLedgerStoreContractTest {

    private static final Instant T = Instant.parse("2024-03-01T00:00:00Z");

    private PolicyStores stores;

    /** A new, empty store. */
    protected abstract PolicyStores newStores();

    @BeforeEach
    void freshStore() {
        stores = newStores();
    }

    private void record(PolicyEvent event) {
        stores.events().record(received(event), new Processing.Applied(event));
    }

    @Test
    void the_store_agrees_with_the_domain_model_for_any_delivery_order() {
        // One store for all examples: each example lives in its own workspaces and ids.
        AtomicInteger example = new AtomicInteger();
        qt().withExamples(60).forAll(histories("e"), longs().all()).checkAssert((history, seed) -> {
            String tag = "x" + example.incrementAndGet() + "-";
            List<PolicyEvent> events = history.stream().map(e -> TestEvents.tagged(tag, e)).toList();
            AccessPolicyState model = new AccessPolicyState();
            events.forEach(model::apply);

            redelivered(events, seed).forEach(this::record);

            for (WorkspacePolicy expected : model.workspaces().values()) {
                WorkspaceId ws = expected.workspace();
                assertThat(Ledgers.allObjects(stores.ledger(), ws)).containsExactlyElementsOf(expected.blockedObjects().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> new BlockedObject(e.getKey(), e.getValue())).toList());
                assertThat(stores.ledger().containers(ws)).containsExactlyElementsOf(
                        expected.blockedContainers().entrySet().stream()
                                .sorted(java.util.Map.Entry.comparingByKey())
                                .map(e -> new BlockedContainer(e.getKey(), e.getValue())).toList());
                assertThat(stores.ledger().workspaces()).contains(new WorkspaceSummary(ws,
                        expected.blockedObjects().size(), expected.blockedContainers().size()));
                expected.blockedObjects().forEach((object, block) ->
                        assertThat(stores.ledger().objectBlock(ws, object)).contains(block));
            }
        });
    }

    @Test
    void objects_are_listed_in_stable_order_filtered_by_product_and_type() {
        record(objectsBlocked("e1", "abc", T, List.of(
                ObjectRef.of("jira", "issue", "2"), ObjectRef.of("Confluence", "page", "b"),
                ObjectRef.of("confluence", "whiteboard", "a"), ObjectRef.of("confluence", "page", "a"))));
        WorkspaceId abc = new WorkspaceId("abc");

        assertThat(stores.ledger().objects(abc, ObjectQuery.all(10))).extracting(BlockedObject::object)
                .containsExactly(ObjectRef.of("confluence", "page", "a"), ObjectRef.of("confluence", "page", "b"),
                        ObjectRef.of("confluence", "whiteboard", "a"), ObjectRef.of("jira", "issue", "2"));
        assertThat(stores.ledger().objects(abc, new ObjectQuery(Optional.of(Product.CONFLUENCE),
                Optional.of("page"), Optional.empty(), 10))).extracting(BlockedObject::object)
                .containsExactly(ObjectRef.of("confluence", "page", "a"), ObjectRef.of("confluence", "page", "b"));
        assertThat(stores.ledger().objects(abc, new ObjectQuery(Optional.of(Product.CONFLUENCE),
                Optional.empty(), Optional.of(ObjectRef.of("confluence", "page", "b")), 10)))
                .extracting(BlockedObject::object)
                .containsExactly(ObjectRef.of("confluence", "whiteboard", "a"));
    }

    @Test
    void nothing_is_blocked_in_a_workspace_that_never_had_an_event() {
        assertThat(stores.ledger().objectBlock(new WorkspaceId("none"), ObjectRef.of("jira", "issue", "1"))).isEmpty();
        assertThat(stores.ledger().containers(new WorkspaceId("none"))).isEmpty();
        assertThat(stores.ledger().objects(new WorkspaceId("none"), ObjectQuery.all(5))).isEmpty();
        assertThat(stores.ledger().workspaces()).isEmpty();
    }

    @Test
    void blocks_in_one_workspace_do_not_leak_into_another() {
        record(objectsBlocked("e1", "abc", T, List.of(ObjectRef.of("jira", "issue", "1"))));

        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), ObjectRef.of("JIRA", "Issue", "1"))).isPresent();
        assertThat(stores.ledger().objectBlock(new WorkspaceId("def"), ObjectRef.of("jira", "issue", "1"))).isEmpty();
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), ObjectRef.of("jira", "issue", "2"))).isEmpty();
    }

    @Test
    void workspaces_are_listed_in_cloud_id_order_with_their_counts() {
        record(objectsBlocked("e1", "b-site", T, List.of(ObjectRef.of("jira", "issue", "1"))));
        record(objectsBlocked("e2", "a-site", T, List.of()));

        assertThat(stores.ledger().workspaces()).containsExactly(
                new WorkspaceSummary(new WorkspaceId("a-site"), 0, 0),
                new WorkspaceSummary(new WorkspaceId("b-site"), 1, 0));
    }

    @Test
    void a_bulk_check_answers_the_blocked_subset_once_each_in_order_across_chunks() {
        List<ObjectRef> blocked = new ArrayList<>();
        for (int i = 0; i < 1_200; i += 2) {
            blocked.add(ObjectRef.of("jira", "issue", String.format("I-%04d", i)));
        }
        record(objectsBlocked("e1", "abc", T, blocked));
        List<ObjectRef> asked = new ArrayList<>();
        for (int i = 1_199; i >= 0; i--) {
            asked.add(ObjectRef.of("JIRA", "Issue", String.format("I-%04d", i)));
        }
        asked.add(ObjectRef.of("jira", "issue", "I-0000"));
        asked.add(ObjectRef.of("confluence", "page", "I-0000"));

        List<BlockedObject> answer = stores.ledger().blockedAmong(new WorkspaceId("abc"), asked);

        assertThat(answer).extracting(BlockedObject::object).containsExactlyElementsOf(blocked);
        assertThat(answer).allSatisfy(b -> assertThat(b.block().eventId().value()).isEqualTo("e1"));
        assertThat(stores.ledger().blockedAmong(new WorkspaceId("other"), asked)).isEmpty();
    }
}
