package dev.accessgate.adapters.persistence.sqlite;

import static dev.accessgate.domain.policy.PolicyEventGenerators.mixedHistories;
import static dev.accessgate.domain.policy.PolicyEventGenerators.redelivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.testkit.TestBaselines;
import dev.accessgate.application.testkit.TestEvents;
import dev.accessgate.domain.policy.Baseline;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.PolicyInput;
import dev.accessgate.domain.policy.WorkspaceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index answers exactly what SQLite answers, for every object, over random streams of
 * events (redelivered, shuffled), events that fail inside the group commit (rolled back to their
 * savepoint after their changes were made), baselines, and a restart.
 */
class BlockIndexPropertyTest {

    /**
     * Fails every event whose id starts with {@code fail-} at its last statement (the workspace
     * counters), after it changed {@code blocked_objects} and registered its hook.
     */
    private static final List<String> INJECTED_FAILURE = List.of("""
            CREATE TRIGGER IF NOT EXISTS fail_insert BEFORE INSERT ON workspaces
            WHEN EXISTS (SELECT 1 FROM events WHERE cloud_id = NEW.cloud_id AND id LIKE 'fail-%')
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END""", """
            CREATE TRIGGER IF NOT EXISTS fail_update BEFORE UPDATE ON workspaces
            WHEN EXISTS (SELECT 1 FROM events WHERE cloud_id = NEW.cloud_id AND id LIKE 'fail-%')
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END""");

    @TempDir
    Path dir;

    private IndexedSqlite opened;
    private BlockIndex index;
    private SqlitePolicyStore store;
    private IndexedLedgerStore indexed;

    @BeforeEach
    void open() {
        reopen();
        opened.db.write(c -> {
            for (String sql : INJECTED_FAILURE) {
                c.createStatement().executeUpdate(sql);
            }
            return null;
        });
    }

    private void reopen() {
        opened = new IndexedSqlite(dir.resolve("indexed.db"), 1_000_000);
        index = opened.index;
        store = opened.store;
        indexed = opened.ledger;
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void the_index_answers_what_sqlite_answers_for_every_object() {
        AtomicInteger example = new AtomicInteger();
        Map<WorkspaceId, Set<ObjectRef>> everything = new TreeMap<>();
        qt().withExamples(40).forAll(mixedHistories("x"), longs().all()).checkAssert((history, seed) -> {
            String tag = "p" + example.incrementAndGet() + "-";
            Random random = new Random(seed);
            Map<WorkspaceId, Set<ObjectRef>> mentioned = new TreeMap<>();
            for (PolicyInput input : redelivered(history, seed)) {
                if (input instanceof PolicyInput.Event event) {
                    PolicyEvent tagged = TestEvents.tagged(tag, event.event());
                    record(tagged);
                    if (tagged instanceof ObjectsBlocked blocked) {
                        mentioned.computeIfAbsent(blocked.workspace(), ws -> new TreeSet<>()).addAll(blocked.objects());
                        if (random.nextInt(3) == 0) {
                            recordFailing(blocked);
                        }
                    }
                } else {
                    Baseline baseline = TestBaselines.tagged(tag, ((PolicyInput.Import) input).baseline());
                    store.importBaseline(baseline.header(), BaselineObjects.of(baseline.objects()), TestEvents.RECEIVED_AT);
                    mentioned.computeIfAbsent(baseline.workspace(), ws -> new TreeSet<>()).addAll(baseline.objects());
                }
            }
            mentioned.values().forEach(objects -> objects.add(ObjectRef.of("jira", "issue", "never-blocked")));
            mentioned.forEach((ws, objects) -> everything.computeIfAbsent(ws, w -> new TreeSet<>()).addAll(objects));

            assertThat(index.awaitBuilt(Duration.ofSeconds(30))).isTrue();
            assertAgrees(mentioned);
        });

        // A restart builds every workspace again from the file.
        close();
        reopen();
        assertThat(index.awaitBuilt(Duration.ofSeconds(60))).isTrue();
        assertAgrees(everything);
    }

    private void record(PolicyEvent event) {
        store.record(TestEvents.received(event), new Processing.Applied(event));
    }

    /** The same objects a second earlier under another id: would set answers, but fails and must leave no trace. */
    private void recordFailing(ObjectsBlocked blocked) {
        Block earlier = new Block(blocked.block().at().minusSeconds(1),
                new EventId("fail-" + blocked.block().eventId().value()));
        ObjectsBlocked failing = new ObjectsBlocked(blocked.workspace(), earlier, blocked.objects());
        assertThatThrownBy(() -> record(failing)).isInstanceOf(RuntimeException.class);
    }

    private void assertAgrees(Map<WorkspaceId, Set<ObjectRef>> mentioned) {
        mentioned.forEach((ws, objects) -> {
            assertThat(indexed.answersInMemory(ws)).as("%s answered from memory", ws).isTrue();
            for (ObjectRef object : objects) {
                assertThat(indexed.objectBlock(ws, object)).as("%s %s", ws, object)
                        .isEqualTo(store.objectBlock(ws, object));
            }
            List<ObjectRef> asked = new ArrayList<>(objects);
            asked.addAll(objects);
            assertThat(indexed.blockedAmong(ws, asked)).isEqualTo(store.blockedAmong(ws, asked));
        });
    }
}
