package dev.accessgate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The raw sqlite-jdbc ceiling of blocked-id ingest: the ids the load generator's
 * {@code policy} scenario sends, inserted straight into a {@code WITHOUT ROWID} table shaped like
 * {@code blocked_objects}, in 1,000-row JDBC batches of {@code INSERT ... ON CONFLICT DO NOTHING},
 * one transaction per event, WAL mode, the chosen {@code synchronous}. No HTTP, no JSON, no
 * event row, no coverage look-up: what the service could at best reach on this disk.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.accessgate.benchmarks.SqliteInsertCeiling \
 *     DIR FULL|NORMAL sorted|random EVENTS IDS_PER_EVENT [commit-per-batch]</pre>
 *
 * <p>{@code sorted}: event n carries ids {@code n*size .. n*size+size-1}, {@code random}: ids
 * drawn from {@code [0, 2^40)} with the event number as seed (exactly the load generator's ids).
 * Either way the event's ids are sorted (as strings) before the insert, as {@code SqlitePolicyStore}
 * does; {@code unsorted} inserts the random ids in the order drawn, to show what sorting is worth.
 */
public final class SqliteInsertCeiling {

    private static final int BATCH = 1_000;

    private SqliteInsertCeiling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: SqliteInsertCeiling DIR FULL|NORMAL sorted|random|unsorted EVENTS IDS_PER_EVENT"
                    + " [commit-per-batch]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String synchronous = args[1].toUpperCase(Locale.ROOT);
        String order = args[2];
        int events = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        boolean commitPerBatch = args.length > 5 && args[5].equals("commit-per-batch");
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "ceiling-", ".db");
        Files.delete(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=" + synchronous);
                // CACHE_KB (environment): page cache size; unset, SQLite's default (2,000 KiB), as the service
                String cacheKb = System.getenv("CACHE_KB");
                if (cacheKb != null) {
                    s.execute("PRAGMA cache_size=-" + Integer.parseInt(cacheKb));
                }
                s.execute("""
                        CREATE TABLE blocked_objects (
                            cloud_id TEXT NOT NULL, product TEXT NOT NULL, type TEXT NOT NULL, object_id TEXT NOT NULL,
                            blocked_at_ns INTEGER NOT NULL, event_id TEXT NOT NULL,
                            PRIMARY KEY (cloud_id, product, type, object_id)) WITHOUT ROWID""");
            }
            c.setAutoCommit(false);
            long inserted = 0;
            long commits = 0;
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO blocked_objects (cloud_id, product, type, object_id, blocked_at_ns, event_id)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                for (int n = 0; n < events; n++) {
                    List<String> ids = ids(order, n, size);
                    String eventId = "ceiling-" + n;
                    for (int from = 0; from < ids.size(); from += BATCH) {
                        for (String id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                            insert.setString(1, "ceiling");
                            insert.setString(2, "jira");
                            insert.setString(3, "issue");
                            insert.setString(4, id);
                            insert.setLong(5, 1_704_067_200_000_000_000L);
                            insert.setString(6, eventId);
                            insert.addBatch();
                        }
                        for (int count : insert.executeBatch()) {
                            inserted += count;
                        }
                        if (commitPerBatch) {
                            c.commit();
                            commits++;
                        }
                    }
                    if (!commitPerBatch) {
                        c.commit();
                        commits++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "ceiling synchronous=%s order=%s events=%d size=%d commits=%d: "
                            + "%,d rows in %.2f s = %,.0f rows/s (%,.1f commits/s)%n", synchronous, order, events,
                    size, commits, inserted, seconds, inserted / seconds, commits / seconds);
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    /** The ids of event n: as the load generator makes them, sorted like the store sorts them. */
    static List<String> ids(String order, int n, int size) {
        List<String> ids = new ArrayList<>(size);
        SplittableRandom random = new SplittableRandom(n);
        for (int i = 0; i < size; i++) {
            ids.add(Long.toString(order.equals("sorted") ? (long) n * size + i : random.nextLong(1L << 40)));
        }
        if (!order.equals("unsorted")) {
            Collections.sort(ids);
        }
        return ids;
    }
}
