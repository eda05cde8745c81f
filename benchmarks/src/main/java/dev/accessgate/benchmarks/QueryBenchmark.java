package dev.accessgate.benchmarks;

import dev.accessgate.adapters.persistence.sqlite.BlockIndex;
import dev.accessgate.adapters.persistence.sqlite.IndexedLedgerStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteSettings;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspacePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process check path on a workspace with {@code blocked} blocked objects (ids
 * {@code 0 .. blocked-1}; queries draw from twice that range, so about half are blocked):
 * {@link SqlitePolicyStore#objectBlock} (one primary-key look-up through the read pool),
 * {@link SqlitePolicyStore#blockedAmong} of 10,000 objects (reported per object; now a CROSS JOIN
 * with statements kept open per chunk size), the same query prepared per chunk as it was before
 * ({@code sqliteCrossJoin10k}), and the
 * domain's in-memory {@link WorkspacePolicy#isBlocked} as the reference, and the same checks
 * through the in-memory index ({@link IndexedLedgerStore}, built from the file at set-up), with the
 * key drawn per call like the others ({@code index*}) and from a pre-drawn array
 * ({@code indexPredrawn}: the look-up alone). Target: at least
 * 5,000,000 checks per second in process on 2 cores.
 *
 * <pre>java -Xmx2g -jar benchmarks/target/benchmarks.jar QueryBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -t 1</pre>
 * (and {@code -t 2} for both cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class QueryBenchmark {

    static final int BULK = 10_000;
    private static final WorkspaceId WORKSPACE = new WorkspaceId("bench");
    private static final Block BLOCK = new Block(Instant.parse("2024-01-01T00:00:00Z"), new EventId("bench-block"));

    @Param("1000000")
    int blocked;

    private Path dir;
    private SqliteDatabase db;
    private SqlitePolicyStore store;
    private WorkspacePolicy policy;
    private BlockIndex index;
    private IndexedLedgerStore indexed;
    /** Pre-drawn queries for {@code indexPredrawn}: the look-up without making the key. */
    private ObjectRef[] predrawn;

    /** A per-thread stream of query ids. */
    @State(Scope.Thread)
    public static class Draw {
        private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
        private int next;

        ObjectRef next(int blocked) {
            return new ObjectRef(Product.JIRA, "issue", Long.toString(random.nextLong(blocked * 2L)));
        }

        List<ObjectRef> objects(int blocked) {
            List<ObjectRef> objects = new ArrayList<>(BULK);
            for (int i = 0; i < BULK; i++) {
                objects.add(next(blocked));
            }
            return objects;
        }
    }

    @Setup(Level.Trial)
    public void fill() throws Exception {
        dir = Files.createTempDirectory("query-bench");
        db = SqliteDatabase.open(new SqliteSettings(dir.resolve("bench.db"), SqliteSettings.Synchronous.NORMAL, 4));
        store = new SqlitePolicyStore(db);
        List<String> ids = new ArrayList<>(blocked);
        for (int i = 0; i < blocked; i++) {
            ids.add(Integer.toString(i));
        }
        ids.sort(null);
        // Straight into the table, sorted: the import itself is measured over HTTP, not here.
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO blocked_objects (cloud_id, product, type, object_id, blocked_at_ns, event_id)
                    VALUES (?, 'jira', 'issue', ?, 1704067200000000000, 'bench-block')""")) {
                for (int from = 0; from < ids.size(); from += 1_000) {
                    for (String id : ids.subList(from, Math.min(ids.size(), from + 1_000))) {
                        insert.setString(1, WORKSPACE.cloudId());
                        insert.setString(2, id);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            return null;
        });
        index = BlockIndex.start(db, blocked);
        if (!index.awaitBuilt(Duration.ofMinutes(5)) || index.indexed() != blocked) {
            throw new IllegalStateException("index not built: " + index.indexed());
        }
        indexed = new IndexedLedgerStore(store, index);
        predrawn = new ObjectRef[1 << 20];
        Draw draw = new Draw();
        for (int i = 0; i < predrawn.length; i++) {
            predrawn[i] = draw.next(blocked);
        }
        policy = new WorkspacePolicy(WORKSPACE);
        for (int from = 0, n = 0; from < blocked; from += ObjectsBlocked.MAX_OBJECTS, n++) {
            List<ObjectRef> objects = new ArrayList<>();
            for (int i = from; i < Math.min(blocked, from + ObjectsBlocked.MAX_OBJECTS); i++) {
                objects.add(new ObjectRef(Product.JIRA, "issue", Integer.toString(i)));
            }
            policy.apply(new ObjectsBlocked(WORKSPACE, new Block(BLOCK.at(), new EventId("bench-" + n)), objects));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        index.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Optional<Block> sqliteObjectBlock(Draw draw) {
        return store.objectBlock(WORKSPACE, draw.next(blocked));
    }

    @Benchmark
    @OperationsPerInvocation(BULK)
    public List<BlockedObject> sqliteBlockedAmong10k(Draw draw) {
        return store.blockedAmong(WORKSPACE, draw.objects(blocked));
    }

    /**
     * The same query as {@code blockedAmong}, but {@code wanted CROSS JOIN blocked_objects}: in
     * SQLite a CROSS JOIN fixes the join order, so each wanted object is one primary-key search.
     * (SQLite 3.54 plans the plain JOIN the other way round: it scans every blocked object of the
     * workspace and, for each, the 500 wanted rows; see docs/benchmarks.md.) Prepared anew per
     * chunk, as production did before it kept its statements: the difference to
     * {@code sqliteBlockedAmong10k} is what keeping them is worth.
     */
    @Benchmark
    @OperationsPerInvocation(BULK)
    public int sqliteCrossJoin10k(Draw draw) {
        List<ObjectRef> wanted = new ArrayList<>(new java.util.TreeSet<>(draw.objects(blocked)));
        return db.read(c -> {
            int found = 0;
            for (int from = 0; from < wanted.size(); from += 500) {
                List<ObjectRef> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
                String values = String.join(",", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?)"));
                try (PreparedStatement select = c.prepareStatement(
                        "WITH wanted (product, type, object_id) AS (VALUES " + values + ") "
                        + "SELECT b.product, b.type, b.object_id, b.blocked_at_ns, b.event_id "
                        + "FROM wanted w CROSS JOIN blocked_objects b ON b.cloud_id = ? AND b.product = w.product "
                        + "AND b.type = w.type AND b.object_id = w.object_id "
                        + "ORDER BY b.product, b.type, b.object_id")) {
                    int i = 1;
                    for (ObjectRef object : chunk) {
                        select.setString(i++, object.product().name());
                        select.setString(i++, object.type());
                        select.setString(i++, object.id());
                    }
                    select.setString(i, WORKSPACE.cloudId());
                    try (java.sql.ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found++;
                        }
                    }
                }
            }
            return found;
        });
    }

    @Benchmark
    public Optional<Block> indexObjectBlock(Draw draw) {
        return indexed.objectBlock(WORKSPACE, draw.next(blocked));
    }

    @Benchmark
    public Optional<Block> indexPredrawn(Draw draw) {
        return indexed.objectBlock(WORKSPACE, predrawn[draw.next++ & (predrawn.length - 1)]);
    }

    @Benchmark
    @OperationsPerInvocation(BULK)
    public List<BlockedObject> indexBlockedAmong10k(Draw draw) {
        return indexed.blockedAmong(WORKSPACE, draw.objects(blocked));
    }

    /** Not thread-safe for writes; read-only here, so safe to share between benchmark threads. */
    @Benchmark
    public boolean domainIsBlocked(Draw draw) {
        return policy.isBlocked(draw.next(blocked));
    }

    /** Making the query's ObjectRef alone (included in every other benchmark here). */
    @Benchmark
    public ObjectRef drawOnly(Draw draw) {
        return draw.next(blocked);
    }

    @Benchmark
    public Optional<Block> domainObjectBlock(Draw draw) {
        return policy.objectBlock(draw.next(blocked));
    }
}
