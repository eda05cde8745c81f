package dev.accessgate.benchmarks;

import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteSettings;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.domain.policy.EventId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Small events stored durably in process, no HTTP: {@code groupCommit} is the production
 * {@link SqlitePolicyStore#record} (queued to the group-commit writer), {@code commitPerEvent}
 * the same row written the way record did before, one {@code BEGIN ... COMMIT} (and one fsync
 * with FULL) per event under the write lock. Run with many threads ({@code -t 64}): each thread
 * is a request waiting for its acknowledgement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class SmallEventIngestBenchmark {

    private static final String BODY = "{\"eventType\":\"avi:jira:updated:issue\",\"issue\":{\"id\":\"10001\","
            + "\"key\":\"LOAD-1\",\"fields\":{\"summary\":\"a small event of about four hundred bytes, as the"
            + " load generator sends\",\"issueType\":{\"name\":\"Bug\"},\"labels\":[\"a\",\"b\"],\"priority\":"
            + "{\"name\":\"High\"}}},\"changelog\":{\"items\":[{\"field\":\"status\",\"fromString\":\"To Do\","
            + "\"toString\":\"In Progress\"}]}}";
    private static final Processing UNPROCESSED = new Processing.Unprocessed("no subscription");

    @Param("FULL")
    String synchronous;

    private final AtomicLong next = new AtomicLong();
    private Path dir;
    private SqliteDatabase db;
    private SqlitePolicyStore store;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("ingest-bench");
        db = SqliteDatabase.open(new SqliteSettings(dir.resolve("bench.db"),
                SqliteSettings.Synchronous.parse(synchronous), 4));
        store = new SqlitePolicyStore(db);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private ReceivedEvent nextEvent() {
        Instant now = Instant.now();
        return new ReceivedEvent(new EventId("small-" + next.getAndIncrement()), "avi:jira:updated:issue", "bench",
                now, now, "forge", BODY, "fingerprint");
    }

    @Benchmark
    public Object groupCommit() {
        return store.record(nextEvent(), UNPROCESSED, List.of());
    }

    @Benchmark
    public Object commitPerEvent() {
        ReceivedEvent event = nextEvent();
        return db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO events (id, type, source, time_ns, received_ns, content_mode, fingerprint,
                                        status, cloud_id, detail, body)
                    VALUES (?, ?, ?, 0, 0, ?, ?, 'UNPROCESSED', NULL, ?, ?)
                    ON CONFLICT (id) DO NOTHING""")) {
                insert.setString(1, event.id().value());
                insert.setString(2, event.type());
                insert.setString(3, event.source());
                insert.setString(4, event.contentMode());
                insert.setString(5, event.fingerprint());
                insert.setString(6, UNPROCESSED.detail());
                insert.setString(7, event.body());
                return insert.executeUpdate();
            }
        });
    }
}
