package dev.accessgate.application.testkit;

import static dev.accessgate.application.testkit.TestEvents.objectsBlocked;
import static dev.accessgate.application.testkit.TestEvents.received;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dev.accessgate.application.port.out.EventStore} must do. Extend it with a fresh store. */
public abstract class EventStoreContractTest {

    private static final Instant T = Instant.parse("2023-10-24T08:08:08.123456789Z");
    private static final ObjectRef PAGE = ObjectRef.of("confluence", "page", "123456");

    private PolicyStores stores;

    /** A new, empty store. */
    protected abstract PolicyStores newStores();

    @BeforeEach
    void freshStore() {
        stores = newStores();
    }

    @Test
    void a_new_event_is_stored_with_its_effect() {
        ObjectsBlocked event = objectsBlocked("e1", "abc", T, List.of(PAGE, ObjectRef.of("jira", "issue", "9")));
        ReceivedEvent received = received(event);

        RecordOutcome outcome = stores.events().record(received, new Processing.Applied(event));

        assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(new EventId("e1"), 2));
        StoredEvent stored = stores.events().find(new EventId("e1")).orElseThrow();
        assertThat(stored.event()).isEqualTo(received);
        assertThat(stored.status()).isEqualTo(StoredEvent.Status.APPLIED);
        assertThat(stored.workspace()).contains(new WorkspaceId("abc"));
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), PAGE)).contains(new Block(T, new EventId("e1")));
    }

    @Test
    void the_same_event_again_is_a_duplicate_and_changes_nothing() {
        ObjectsBlocked event = objectsBlocked("e1", "abc", T, List.of(PAGE));
        stores.events().record(received(event), new Processing.Applied(event));

        RecordOutcome again = stores.events().record(received(event), new Processing.Applied(event));

        assertThat(again).isEqualTo(new RecordOutcome.Duplicate(new EventId("e1")));
        assertThat(stores.ledger().workspaces()).singleElement()
                .satisfies(ws -> assertThat(ws.blockedObjects()).isEqualTo(1));
    }

    @Test
    void another_event_reusing_an_id_is_a_conflict_and_changes_nothing() {
        ObjectsBlocked first = objectsBlocked("e1", "abc", T, List.of(PAGE));
        ObjectsBlocked impostor = objectsBlocked("e1", "abc", T, List.of(ObjectRef.of("jira", "issue", "1")));
        ReceivedEvent original = received(first);
        stores.events().record(original, new Processing.Applied(first));

        RecordOutcome outcome = stores.events().record(received(impostor), new Processing.Applied(impostor));

        assertThat(outcome).isEqualTo(new RecordOutcome.Conflict(new EventId("e1")));
        assertThat(stores.events().find(new EventId("e1")).orElseThrow().event()).isEqualTo(original);
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), ObjectRef.of("jira", "issue", "1"))).isEmpty();
    }

    @Test
    void an_unprocessed_event_is_stored_raw_and_leaves_the_ledger_alone() {
        ReceivedEvent unknown = TestEvents.unknown("u1", "avi:ecosystem.app_policy:blocked:app_access_to_objects.v3");

        RecordOutcome outcome = stores.events().record(unknown, new Processing.Unprocessed("unknown type"));

        assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(new EventId("u1"), 0));
        StoredEvent stored = stores.events().find(new EventId("u1")).orElseThrow();
        assertThat(stored.status()).isEqualTo(StoredEvent.Status.UNPROCESSED);
        assertThat(stored.detail()).isEqualTo("unknown type");
        assertThat(stored.workspace()).isEmpty();
        assertThat(stored.event()).isEqualTo(unknown);
        assertThat(stores.ledger().workspaces()).isEmpty();
    }

    @Test
    void an_unknown_id_is_not_found() {
        assertThat(stores.events().find(new EventId("nope"))).isEmpty();
    }

    @Test
    void a_container_event_blocks_the_container_only() {
        ContainerBlocked event = new ContainerBlocked(new WorkspaceId("abc"), new Block(T, new EventId("c1")),
                ContainerRef.of("Confluence", "SPACE"));

        assertThat(stores.events().record(received(event), new Processing.Applied(event)))
                .isEqualTo(new RecordOutcome.Recorded(new EventId("c1"), 1));

        assertThat(stores.ledger().containers(new WorkspaceId("abc"))).singleElement()
                .satisfies(c -> assertThat(c.container()).isEqualTo(ContainerRef.of("confluence", "SPACE")));
        assertThat(stores.ledger().objects(new WorkspaceId("abc"), ObjectQuery.all(10))).isEmpty();
    }

    @Test
    void an_event_of_the_largest_allowed_size_is_stored_whole() {
        List<ObjectRef> objects = new ArrayList<>();
        for (int i = ObjectsBlocked.MAX_OBJECTS; i > 0; i--) {
            objects.add(ObjectRef.of("jira", "issue", "ISSUE-" + i));
        }
        ObjectsBlocked event = objectsBlocked("big", "abc", T, objects);

        assertThat(stores.events().record(received(event), new Processing.Applied(event)))
                .isEqualTo(new RecordOutcome.Recorded(new EventId("big"), ObjectsBlocked.MAX_OBJECTS));

        assertThat(stores.ledger().workspaces()).singleElement()
                .satisfies(ws -> assertThat(ws.blockedObjects()).isEqualTo(ObjectsBlocked.MAX_OBJECTS));
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), ObjectRef.of("jira", "issue", "ISSUE-77")))
                .isPresent();
    }

    @Test
    void a_later_event_for_an_already_blocked_object_keeps_the_earlier_block() {
        ObjectsBlocked early = objectsBlocked("early", "abc", T, List.of(PAGE));
        ObjectsBlocked late = objectsBlocked("late", "abc", T.plusSeconds(60), List.of(PAGE));
        stores.events().record(received(late), new Processing.Applied(late));

        RecordOutcome outcome = stores.events().record(received(early), new Processing.Applied(early));

        assertThat(outcome).isEqualTo(new RecordOutcome.Recorded(new EventId("early"), 0));
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), PAGE))
                .isEqualTo(Optional.of(new Block(T, new EventId("early"))));
    }

    @Test
    void a_stored_event_keeps_its_status_and_reason() {
        ReceivedEvent product = TestEvents.unknown("p1", "avi:jira:created:issue");

        stores.events().record(product, new Processing.Stored("product event"));

        StoredEvent stored = stores.events().find(new EventId("p1")).orElseThrow();
        assertThat(stored.status()).isEqualTo(StoredEvent.Status.STORED);
        assertThat(stored.detail()).isEqualTo("product event");
        assertThat(stores.events().countUnprocessed()).isZero();
    }

    @Test
    void events_are_listed_in_arrival_order_page_by_page_and_by_status() {
        for (int i = 1; i <= 7; i++) {
            ReceivedEvent event = TestEvents.unknown("u" + i, "t" + i);
            stores.events().record(event, i % 2 == 0 ? new Processing.Stored("kept") : new Processing.Unprocessed("?"));
        }

        EventPage first = stores.events().list(new EventQuery(Optional.empty(), Optional.empty(), 3));
        EventPage second = stores.events().list(new EventQuery(Optional.empty(), first.next(), 3));
        EventPage third = stores.events().list(new EventQuery(Optional.empty(), second.next(), 3));

        assertThat(ids(first)).containsExactly("u1", "u2", "u3");
        assertThat(ids(second)).containsExactly("u4", "u5", "u6");
        assertThat(ids(third)).containsExactly("u7");
        assertThat(third.next()).isEmpty();

        EventPage unprocessed = stores.events().list(
                new EventQuery(Optional.of(StoredEvent.Status.UNPROCESSED), Optional.empty(), 10));
        assertThat(ids(unprocessed)).containsExactly("u1", "u3", "u5", "u7");
        assertThat(unprocessed.next()).isEmpty();
        assertThat(stores.events().countUnprocessed()).isEqualTo(4);
    }

    @Test
    void an_exactly_full_last_page_has_no_next_page() {
        stores.events().record(TestEvents.unknown("a", "t"), new Processing.Unprocessed("?"));
        stores.events().record(TestEvents.unknown("b", "t"), new Processing.Unprocessed("?"));

        EventPage page = stores.events().list(new EventQuery(Optional.empty(), Optional.empty(), 2));

        assertThat(ids(page)).containsExactly("a", "b");
        assertThat(page.next()).isEmpty();
    }

    @Test
    void reprocessing_applies_an_unprocessed_event_once_and_keeps_its_body() {
        ObjectsBlocked event = objectsBlocked("v1-1", "abc", T, List.of(PAGE));
        ReceivedEvent received = received(event);
        stores.events().record(received, new Processing.Unprocessed("site not mapped"));
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), PAGE)).isEmpty();

        RecordOutcome first = stores.events().reprocess(new EventId("v1-1"), new Processing.Applied(event));
        RecordOutcome again = stores.events().reprocess(new EventId("v1-1"), new Processing.Applied(event));

        assertThat(first).isEqualTo(new RecordOutcome.Recorded(new EventId("v1-1"), 1));
        assertThat(again).isEqualTo(new RecordOutcome.Duplicate(new EventId("v1-1")));
        StoredEvent stored = stores.events().find(new EventId("v1-1")).orElseThrow();
        assertThat(stored.status()).isEqualTo(StoredEvent.Status.APPLIED);
        assertThat(stored.workspace()).contains(new WorkspaceId("abc"));
        assertThat(stored.event()).isEqualTo(received);
        assertThat(stores.ledger().objectBlock(new WorkspaceId("abc"), PAGE)).isPresent();
        assertThat(stores.events().countUnprocessed()).isZero();
    }

    @Test
    void an_applied_or_unknown_event_is_not_reprocessed() {
        ObjectsBlocked event = objectsBlocked("e1", "abc", T, List.of(PAGE));
        stores.events().record(received(event), new Processing.Applied(event));

        assertThat(stores.events().reprocess(new EventId("e1"), new Processing.Applied(event)))
                .isEqualTo(new RecordOutcome.Duplicate(new EventId("e1")));
        assertThat(stores.events().reprocess(new EventId("nope"), new Processing.Applied(event)))
                .isEqualTo(new RecordOutcome.Duplicate(new EventId("nope")));
        assertThat(stores.ledger().workspaces()).singleElement()
                .satisfies(ws -> assertThat(ws.blockedObjects()).isEqualTo(1));
    }

    private static List<String> ids(EventPage page) {
        return page.events().stream().map(e -> e.event().id().value()).toList();
    }
}
