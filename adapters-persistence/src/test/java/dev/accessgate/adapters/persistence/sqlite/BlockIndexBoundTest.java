package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.testkit.TestEvents;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.WorkspaceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index holds at most its bound; a workspace that would pass it is answered from SQLite, correctly. */
class BlockIndexBoundTest {

    private static final Instant T = Instant.parse("2024-03-01T00:00:00Z");
    private static final WorkspaceId SMALL = new WorkspaceId("small");
    private static final WorkspaceId BIG = new WorkspaceId("big");

    @TempDir
    Path dir;

    private IndexedSqlite opened;

    private void open(long maxObjects) {
        opened = new IndexedSqlite(dir.resolve("bound.db"), maxObjects);
        assertThat(opened.index.awaitBuilt(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void a_workspace_over_the_bound_at_start_is_answered_from_sqlite_and_the_others_from_memory() {
        open(5);
        block("e1", SMALL, 0, 3);
        block("e2", BIG, 0, 10);
        close();

        open(5);

        assertThat(opened.ledger.answersInMemory(SMALL)).isTrue();
        assertThat(opened.ledger.answersInMemory(BIG)).isFalse();
        assertThat(opened.index.indexed()).isEqualTo(3);
        assertSameAnswers(SMALL, 12);
        assertSameAnswers(BIG, 12);
    }

    @Test
    void a_workspace_that_grows_past_the_bound_goes_back_to_sqlite() {
        open(5);
        block("e1", SMALL, 0, 4);
        assertThat(opened.ledger.answersInMemory(SMALL)).isTrue();

        block("e2", SMALL, 4, 8);

        assertThat(opened.ledger.answersInMemory(SMALL)).isFalse();
        assertThat(opened.index.indexed()).isZero();
        assertSameAnswers(SMALL, 10);
    }

    @Test
    void a_workspace_never_seen_has_nothing_blocked_and_is_answered_from_memory() {
        open(5);
        WorkspaceId unknown = new WorkspaceId("unknown");

        assertThat(opened.ledger.answersInMemory(unknown)).isTrue();
        assertThat(opened.ledger.objectBlock(unknown, issue(1))).isEmpty();
    }

    @Test
    void rows_without_a_counter_row_are_found_too() {
        open(5);
        close();
        SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("bound.db")));
        db.write(c -> c.createStatement().executeUpdate("""
                INSERT INTO blocked_objects (cloud_id, product, type, object_id, blocked_at_ns, event_id)
                VALUES ('uncounted', 'jira', 'issue', '1', 0, 'direct')"""));
        db.close();

        open(5);

        WorkspaceId uncounted = new WorkspaceId("uncounted");
        assertThat(opened.ledger.answersInMemory(uncounted)).isTrue();
        assertThat(opened.ledger.objectBlock(uncounted, issue(1))).isPresent();
        assertSameAnswers(uncounted, 3);
    }

    private void block(String id, WorkspaceId ws, int from, int to) {
        ObjectsBlocked event = TestEvents.objectsBlocked(id, ws.cloudId(), T,
                IntStream.range(from, to).mapToObj(BlockIndexBoundTest::issue).toList());
        opened.store.record(TestEvents.received(event), new Processing.Applied(event));
    }

    private void assertSameAnswers(WorkspaceId ws, int ids) {
        List<ObjectRef> objects = IntStream.range(0, ids).mapToObj(BlockIndexBoundTest::issue).toList();
        objects.forEach(object ->
                assertThat(opened.ledger.objectBlock(ws, object)).isEqualTo(opened.store.objectBlock(ws, object)));
        assertThat(opened.ledger.blockedAmong(ws, objects)).isEqualTo(opened.store.blockedAmong(ws, objects));
    }

    private static ObjectRef issue(int id) {
        return ObjectRef.of("jira", "issue", Integer.toString(id));
    }
}
