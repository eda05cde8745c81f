package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.out.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group-commit writer on a real SQLite file. Each test holds the writer thread inside a
 * first write (a latch) while it queues more, so what ends up in one batch is known without
 * relying on timing.
 */
class GroupCommitWriterTest {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger failCommit = new AtomicInteger(-1);
    private GroupCommitWriter writer;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("group.db")));
        db.write(c -> c.createStatement().executeUpdate("CREATE TABLE written (seq INTEGER PRIMARY KEY, name TEXT)"));
        writer = new GroupCommitWriter(batch -> db.write(c -> {
            batch.run(c);
            if (commits.getAndIncrement() == failCommit.get()) {
                throw new SQLException("the commit fails");
            }
            return null;
        }), 100, "test-writer");
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    @Test
    void writes_queued_during_a_commit_share_the_next_one_in_the_order_they_came() {
        CompletableFuture<Integer> first = blockedFirstWrite();
        List<CompletableFuture<Integer>> rest = queueInOrder(10, GroupCommitWriterTest::insert);
        release.countDown();

        assertThat(first.join()).isEqualTo(1);
        assertThat(rest).allSatisfy(write -> assertThat(write.join()).isEqualTo(1));
        assertThat(commits.get()).isEqualTo(2);
        assertThat(names()).containsExactly("first", "w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9");
    }

    @Test
    void a_failing_write_changes_nothing_and_fails_alone() {
        CompletableFuture<Integer> first = blockedFirstWrite();
        List<CompletableFuture<Integer>> rest = queueInOrder(3, (c, name) -> {
            int inserted = insert(c, name);
            if (name.equals("w1")) {
                // half-done: its first row is in, then it fails
                c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            }
            return inserted;
        });
        release.countDown();

        first.join();
        assertThat(rest.get(0).join()).isEqualTo(1);
        assertThat(rest.get(2).join()).isEqualTo(1);
        assertThatThrownBy(rest.get(1)::join).hasCauseInstanceOf(StoreException.class);
        assertThat(names()).containsExactly("first", "w0", "w2");
        assertThat(commits.get()).isEqualTo(2);
    }

    @Test
    void when_the_commit_fails_every_write_of_the_batch_fails_and_nothing_is_stored() {
        failCommit.set(1); // the second batch
        CompletableFuture<Integer> first = blockedFirstWrite();
        List<CompletableFuture<Integer>> rest = queueInOrder(3, GroupCommitWriterTest::insert);
        release.countDown();

        first.join();
        assertThat(rest).allSatisfy(write -> assertThatThrownBy(write::join).hasCauseInstanceOf(StoreException.class));
        assertThat(names()).containsExactly("first");
    }

    @Test
    void closing_commits_the_queued_writes_then_refuses_new_ones() {
        CompletableFuture<Integer> first = blockedFirstWrite();
        List<CompletableFuture<Integer>> rest = queueInOrder(5, GroupCommitWriterTest::insert);
        CompletableFuture<Void> closed = CompletableFuture.runAsync(writer::close);
        while (!writer.closing()) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> writer.write(c -> insert(c, "late")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE));
        release.countDown();

        closed.join();
        first.join();
        assertThat(rest).allSatisfy(write -> assertThat(write.join()).isEqualTo(1));
        assertThat(names()).containsExactly("first", "w0", "w1", "w2", "w3", "w4");
    }

    @Test
    void a_grouped_write_inside_a_write_of_the_same_thread_joins_it() {
        assertThatThrownBy(() -> db.write(c -> {
            db.writeGrouped(inner -> insert(inner, "joined"));
            throw new IllegalStateException("the outer write fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(names()).isEmpty();
        int inserted = db.writeGrouped(c -> insert(c, "grouped"));
        assertThat(inserted).isEqualTo(1);
        assertThat(names()).containsExactly("grouped");
    }

    /** Starts a write that holds the writer thread until {@link #release}. */
    private CompletableFuture<Integer> blockedFirstWrite() {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> writer.write(c -> {
            running.countDown();
            await(release);
            return insert(c, "first");
        }));
        await(running);
        return first;
    }

    private interface NamedWrite {
        int run(Connection c, String name) throws SQLException;
    }

    /** Queues writes w0, w1, ... one after the other (each is in the queue before the next is sent). */
    private List<CompletableFuture<Integer>> queueInOrder(int count, NamedWrite write) {
        List<CompletableFuture<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "w" + i;
            writes.add(CompletableFuture.supplyAsync(() -> writer.write(c -> write.run(c, name)),
                    runnable -> new Thread(runnable).start()));
            int queued = i + 1;
            while (writer.queued() < queued) {
                Thread.onSpinWait();
            }
        }
        return writes;
    }

    private static int insert(Connection c, String name) throws SQLException {
        return c.createStatement().executeUpdate("INSERT INTO written (name) VALUES ('" + name + "')");
    }

    private List<String> names() {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT name FROM written ORDER BY seq")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    /** Waits for {@code latch}, without a checked exception (also used by {@link AfterCommitTest}). */
    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
