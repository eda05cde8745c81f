package dev.accessgate.adapters.persistence.sqlite;

import static dev.accessgate.adapters.persistence.sqlite.GroupCommitWriterTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Database.afterCommit}: hooks run after the commit, before the writer returns, and never for rolled-back work. */
class AfterCommitTest {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("hooks.db")));
        db.write(c -> c.createStatement().executeUpdate("CREATE TABLE written (name TEXT)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void hooks_run_in_order_once_the_write_committed_and_see_its_data() {
        db.write(c -> {
            insert(c, "a");
            db.afterCommit(() -> ran.add("first saw " + count()));
            db.write(inner -> {
                db.afterCommit(() -> ran.add("joined"));
                return null;
            });
            assertThat(ran).isEmpty();
            return null;
        });
        assertThat(ran).containsExactly("first saw 1", "joined");
    }

    @Test
    void a_rolled_back_write_runs_none_of_its_hooks() {
        assertThatThrownBy(() -> db.write(c -> {
            db.afterCommit(() -> ran.add("never"));
            throw new SQLException("fails");
        })).isNotNull();
        db.write(c -> null);
        assertThat(ran).isEmpty();
    }

    @Test
    void a_failing_hook_does_not_fail_the_committed_write_nor_the_next_hooks() {
        db.write(c -> {
            insert(c, "kept");
            db.afterCommit(() -> {
                throw new IllegalStateException("hook fails");
            });
            db.afterCommit(() -> ran.add("next"));
            return null;
        });
        assertThat(ran).containsExactly("next");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void outside_a_write_there_is_nothing_to_run_after() {
        assertThatThrownBy(() -> db.afterCommit(() -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void in_a_group_commit_the_hooks_of_a_write_rolled_back_to_its_savepoint_are_dropped_and_the_others_run_before_their_callers_return() {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> db.writeGrouped(c -> {
            running.countDown();
            await(release);
            db.afterCommit(() -> ran.add("first"));
            return null;
        }));
        await(running);
        List<CompletableFuture<Boolean>> rest = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            String name = "w" + i;
            db.writeGrouped(c -> {
                insert(c, name);
                db.afterCommit(() -> ran.add(name));
                if (i == 1) {
                    throw new SQLException("w1 fails after registering its hook");
                }
                return null;
            });
            // Answered only after its hook ran.
            return ran.contains(name);
        })).toList();
        while (db.queuedWrites() < 3) {
            Thread.onSpinWait();
        }
        release.countDown();

        first.join();
        assertThat(rest.get(0).join()).isTrue();
        assertThat(rest.get(2).join()).isTrue();
        assertThatThrownBy(rest.get(1)::join).isNotNull();
        assertThat(ran).containsExactlyInAnyOrder("first", "w0", "w2");
        assertThat(count()).isEqualTo(2);
    }

    private static void insert(Connection c, String name) throws SQLException {
        c.createStatement().executeUpdate("INSERT INTO written (name) VALUES ('" + name + "')");
    }

    private int count() {
        return db.read(c -> {
            var rows = c.createStatement().executeQuery("SELECT count(*) FROM written");
            rows.next();
            return rows.getInt(1);
        });
    }
}
