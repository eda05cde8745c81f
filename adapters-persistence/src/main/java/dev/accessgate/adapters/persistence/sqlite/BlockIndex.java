package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.ObjectRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocked objects of every workspace in memory ({@link ObjectTable}), so that the single and
 * bulk checks need no database read and no blocking thread. SQLite only: it assumes this process
 * is the only writer of the file (on PostgreSQL other instances write too).
 *
 * <p><b>Current.</b> {@link SqlitePolicyStore} registers, as after-commit hooks
 * ({@link dev.accessgate.adapters.persistence.jdbc.Database#afterCommit}), the exact answers
 * its writes set ({@link #objectsBlocked}); a baseline makes its workspace rebuilt
 * ({@link #workspaceReplaced}). Hooks run after the commit and before the writer is answered,
 * so an acknowledged event is visible to the next check, and a write that rolls back leaves no
 * trace.
 *
 * <p><b>Built in the background.</b> Until its table is ready a workspace is answered from
 * SQLite. A build first logs the workspace's changes, then scans it in one read snapshot, then
 * replays the log: changes set answers, so replaying one the snapshot already has is harmless.
 *
 * <p><b>Bounded.</b> At most {@code maxObjects} objects over all workspaces; a workspace that
 * would pass it is answered from SQLite (until a baseline rebuilds it, or a restart).
 */
public final class BlockIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockIndex.class);
    /** The table of a workspace with nothing blocked: answered from memory too. */
    private static final ObjectTable EMPTY = new ObjectTable(0);

    private final SqliteDatabase db;
    private final long maxObjects;
    private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();
    private final ExecutorService builder;
    /**
     * Until the workspaces are listed, a change to one not seen yet starts its log. Written under
     * the monitor, after the listed workspaces are in the map; volatile for {@link #table}.
     */
    private volatile boolean discovering = true;
    /** Objects in ready tables. Guarded by this. */
    private long indexed;

    /** Fields guarded by the index's monitor; {@link #ready} is read without it. */
    private static final class Workspace {
        volatile ObjectTable ready;
        /** Changes logged while building; null when not building. */
        List<Change> log;
        int generation;
    }

    /** The answer of these objects is now {@code block}. */
    private record Change(long[] keys, Block block) {
    }

    private BlockIndex(SqliteDatabase db, long maxObjects) {
        this.db = db;
        this.maxObjects = maxObjects;
        this.builder = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "accessgate-index-builder");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
    }

    /**
     * An index of at most {@code maxObjects} objects (must be positive) whose build starts now in
     * the background; give it to the {@link SqlitePolicyStore} before anything is written.
     */
    public static BlockIndex start(SqliteDatabase db, long maxObjects) {
        if (maxObjects <= 0) {
            throw new IllegalArgumentException("maxObjects must be positive");
        }
        BlockIndex index = new BlockIndex(db, maxObjects);
        index.builder.execute(index::discover);
        return index;
    }

    /** The table answering for {@code cloudId}, or null: ask SQLite. */
    ObjectTable table(String cloudId) {
        // Read first: once it is false, every listed workspace is in the map, so one missing
        // from it has nothing blocked.
        boolean listed = !discovering;
        Workspace workspace = workspaces.get(cloudId);
        if (workspace != null) {
            return workspace.ready;
        }
        return listed ? EMPTY : null;
    }

    /** Hook of a committed write: these objects' answer is now {@code block}. */
    void objectsBlocked(String cloudId, List<ObjectRef> objects, Block block) {
        long[] keys = new long[objects.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ObjectKeys.of(objects.get(i));
        }
        Change change = new Change(keys, block);
        synchronized (this) {
            Workspace workspace = workspaces.get(cloudId);
            if (workspace == null) {
                workspace = new Workspace();
                workspaces.put(cloudId, workspace);
                if (discovering) {
                    workspace.log = new ArrayList<>();
                } else {
                    // A workspace seen for the first time: it had nothing blocked before.
                    ObjectTable table = new ObjectTable(keys.length);
                    workspace.ready = table;
                }
            }
            if (workspace.log != null) {
                workspace.log.add(change);
            } else if (workspace.ready != null) {
                ObjectTable table = workspace.ready;
                long before = table.size();
                table.put(keys, keys.length, block);
                indexed += table.size() - before;
                if (indexed > maxObjects) {
                    drop(cloudId, workspace);
                }
            }
        }
    }

    /** Hook of a committed baseline: answers may have gone, so the workspace is built again. */
    synchronized void workspaceReplaced(String cloudId) {
        Workspace workspace = workspaces.computeIfAbsent(cloudId, id -> new Workspace());
        if (workspace.ready != null) {
            indexed -= workspace.ready.size();
            workspace.ready = null;
        }
        workspace.generation++;
        workspace.log = new ArrayList<>();
        if (!discovering) {
            int generation = workspace.generation;
            builder.execute(() -> build(cloudId, generation));
        }
    }

    private void drop(String cloudId, Workspace workspace) {
        indexed -= workspace.ready.size();
        workspace.ready = null;
        LOG.info("index: workspace {} answered from SQLite (over {} objects in memory, ACCESSGATE_INDEX_MAX_OBJECTS)",
                cloudId, maxObjects);
    }

    /** Lists the workspaces (smallest first, so more of them fit), then builds each. */
    private void discover() {
        Map<String, Long> listed;
        try {
            listed = db.read(c -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT cloud_id, blocked_objects FROM workspaces ORDER BY blocked_objects, cloud_id");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
                // Every write keeps the counters, but a workspace with rows and no counter row
                // must not pass for empty: one primary-key seek per workspace finds them all.
                try (PreparedStatement next = c.prepareStatement(
                        "SELECT cloud_id FROM blocked_objects WHERE cloud_id > ? ORDER BY cloud_id LIMIT 1")) {
                    String after = "";
                    while (true) {
                        next.setString(1, after);
                        try (ResultSet row = next.executeQuery()) {
                            if (!row.next()) {
                                break;
                            }
                            after = row.getString(1);
                        }
                        counts.putIfAbsent(after, 0L);
                    }
                }
                return counts;
            });
        } catch (RuntimeException e) {
            LOG.warn("index: cannot list the workspaces; checks stay on SQLite", e);
            return;
        }
        Map<String, Integer> toBuild = new LinkedHashMap<>();
        synchronized (this) {
            listed.keySet().forEach(cloudId -> workspaces.computeIfAbsent(cloudId, id -> {
                Workspace workspace = new Workspace();
                workspace.log = new ArrayList<>();
                return workspace;
            }));
            workspaces.forEach((cloudId, workspace) -> {
                if (workspace.log != null) {
                    toBuild.put(cloudId, workspace.generation);
                }
            });
            discovering = false;
        }
        long started = System.nanoTime();
        toBuild.forEach(this::build);
        LOG.info("index: {} workspaces listed, {} objects in memory, built in {} ms",
                toBuild.size(), indexed(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Scans the workspace in one read snapshot, then replays what its log gathered meanwhile. */
    private void build(String cloudId, int generation) {
        ObjectTable table;
        try {
            table = db.read(c -> {
                long expected;
                try (PreparedStatement count = c.prepareStatement(
                        "SELECT blocked_objects FROM workspaces WHERE cloud_id = ?")) {
                    count.setString(1, cloudId);
                    try (ResultSet row = count.executeQuery()) {
                        expected = row.next() ? row.getLong(1) : 0;
                    }
                }
                long room = maxObjects - indexed();
                if (expected > room) {
                    return null;
                }
                ObjectTable scanned = new ObjectTable(expected);
                // One statement is one read snapshot.
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT product, type, object_id, blocked_at_ns, event_id FROM blocked_objects
                        WHERE cloud_id = ?""")) {
                    select.setString(1, cloudId);
                    try (ResultSet rows = select.executeQuery()) {
                        for (long seen = 1; rows.next(); seen++) {
                            if (seen > room) {
                                return null;
                            }
                            scanned.putScanned(ObjectKeys.of(rows.getString(1), rows.getString(2), rows.getString(3)),
                                    rows.getLong(4), rows.getString(5));
                        }
                    }
                }
                return scanned;
            });
        } catch (RuntimeException e) {
            LOG.warn("index: cannot build workspace {}; it stays on SQLite", cloudId, e);
            table = null;
        }
        synchronized (this) {
            Workspace workspace = workspaces.get(cloudId);
            if (workspace == null || workspace.generation != generation || workspace.log == null) {
                return; // a baseline came meanwhile: its own build follows
            }
            List<Change> log = workspace.log;
            workspace.log = null;
            if (table == null) {
                return;
            }
            for (Change change : log) {
                table.put(change.keys(), change.keys().length, change.block());
            }
            if (indexed + table.size() > maxObjects) {
                LOG.info("index: workspace {} answered from SQLite ({} objects; the index holds at most {},"
                        + " ACCESSGATE_INDEX_MAX_OBJECTS)", cloudId, table.size(), maxObjects);
                return;
            }
            indexed += table.size();
            workspace.ready = table;
        }
    }

    /** Objects answered from memory. */
    public synchronized long indexed() {
        return indexed;
    }

    /** Waits until every build queued so far has finished (tests and benchmarks). */
    public boolean awaitBuilt(Duration timeout) {
        try {
            builder.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
