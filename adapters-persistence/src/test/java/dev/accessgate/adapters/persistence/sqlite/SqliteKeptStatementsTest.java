package dev.accessgate.adapters.persistence.sqlite;

import static dev.accessgate.application.testkit.TestEvents.objectsBlocked;
import static dev.accessgate.application.testkit.TestEvents.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.accessgate.application.model.Processing;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements kept open per connection ({@link SqliteDatabase#prepared}) answer like fresh ones. */
class SqliteKeptStatementsTest {

    private static final WorkspaceId ABC = new WorkspaceId("abc");

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SqlitePolicyStore store;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("kept.db")));
        store = new SqlitePolicyStore(db);
        List<ObjectRef> even = new ArrayList<>();
        for (int i = 0; i < 2_000; i += 2) {
            even.add(object(i));
        }
        store.record(received(objectsBlocked("e1", "abc", Instant.parse("2024-01-01T00:00:00Z"), even)),
                new Processing.Applied(objectsBlocked("e1", "abc", Instant.parse("2024-01-01T00:00:00Z"), even)),
                List.of());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_bulk_check_of_any_size_answers_what_single_checks_answer() {
        // Sizes cross the padded statement sizes (powers of two, 500); the last object of a
        // padded chunk is repeated and must still be answered once.
        qt().withExamples(60).forAll(lists().of(integers().between(0, 1_999)).ofSizeBetween(1, 1_300))
                .checkAssert(ids -> {
                    List<ObjectRef> asked = ids.stream().map(SqliteKeptStatementsTest::object).toList();
                    List<BlockedObject> expected = new ArrayList<>();
                    for (ObjectRef object : new TreeSet<>(asked)) {
                        store.objectBlock(ABC, object).ifPresent(block -> expected.add(new BlockedObject(object, block)));
                    }
                    assertThat(store.blockedAmong(ABC, asked)).containsExactlyElementsOf(expected);
                });
    }

    @Test
    void a_kept_statement_holds_no_read_snapshot_so_the_wal_can_be_checkpointed() {
        for (int i = 0; i < 20; i++) {
            Optional<?> answer = store.objectBlock(ABC, object(i));
            assertThat(answer.isPresent()).isEqualTo(i % 2 == 0);
            store.blockedAmong(ABC, List.of(object(i), object(i + 1)));
        }
        int busy = db.read(c -> {
            try (ResultSet row = c.createStatement().executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                return row.getInt(1);
            }
        });
        assertThat(busy).isZero();
    }

    private static ObjectRef object(int i) {
        return ObjectRef.of("jira", "issue", String.valueOf(i));
    }
}
