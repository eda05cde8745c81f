package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Dialect;
import dev.accessgate.adapters.persistence.jdbc.NumberedSql;
import dev.accessgate.application.model.BaselineFingerprint;
import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.BaselineChange;
import dev.accessgate.domain.policy.BaselineHeader;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One baseline import, inside the caller's write transaction. The objects are staged in
 * temporary tables (deduplicated and sorted by SQLite, not in the heap), the fingerprint is
 * taken from the staged set, and the baseline is applied with set-based statements:
 *
 * <ol>
 *   <li>drop the other facts at or before T of everything in effect;</li>
 *   <li>listed things whose answer is after T: that answer joins the other facts;</li>
 *   <li>delete the answers of listed things, then the remaining answers at or before T;</li>
 *   <li>listed things get the baseline's fact as their answer;</li>
 *   <li>things left without an answer but with other facts: the earliest is promoted.</li>
 * </ol>
 *
 * "In effect" is the domain's rule: in the baseline's scope and not covered by a newer
 * baseline (compared by time, then id).
 */
final class SqliteBaselineImport {

    private static final int BATCH = 1_000;

    /** The tables of one kind of blocked thing: objects (keyed by type and id) or containers. */
    private enum Ledger {
        OBJECTS("blocked_objects", "object_block_facts", "baseline_objects", List.of("type", "object_id")),
        CONTAINERS("blocked_containers", "container_block_facts", "baseline_containers", List.of("container_id"));

        private final String answers;
        private final String facts;
        private final String staging;
        private final List<String> keys;

        Ledger(String answers, String facts, String staging, List<String> keys) {
            this.answers = answers;
            this.facts = facts;
            this.staging = staging;
            this.keys = keys;
        }

        /**
         * Fills in a statement template: {answers}, {facts}, {staging}, {key} (the key columns),
         * {x.key} (qualified), {x=y} (same key in two aliases; {b=facts}: alias b and the facts
         * table), {scope}, {x.scope}.
         */
        String sql(String template, Scope scope) {
            String sql = template.replace("{b=facts}", String.join(" AND ",
                    keys.stream().map(k -> "b." + k + " = " + facts + "." + k).toList()));
            sql = sql.replace("{answers}", answers).replace("{facts}", facts)
                    .replace("{staging}", staging).replace("{key}", String.join(", ", keys));
            for (String a : List.of("b", "f", "g", "s")) {
                sql = sql.replace("{" + a + ".key}", String.join(", ", keys.stream().map(k -> a + "." + k).toList()))
                        .replace("{" + a + ".scope}", scope.predicate(a + "."));
                for (String b : List.of("b", "f", "g", "s")) {
                    sql = sql.replace("{" + a + "=" + b + "}", String.join(" AND ",
                            keys.stream().map(k -> a + "." + k + " = " + b + "." + k).toList()));
                }
            }
            return sql.replace("{scope}", scope.predicate(""));
        }
    }

    /**
     * What is in effect. Objects: the types in {@code baseline_types} ({@code include}) or
     * every type but those; containers: everything or nothing.
     */
    private record Scope(String include, String exclude) {

        static final Scope EVERYTHING = new Scope(null, null);
        static final Scope TYPES_LISTED = new Scope("IN", null);
        static final Scope TYPES_NOT_LISTED = new Scope(null, "NOT IN");

        String predicate(String alias) {
            String operator = include != null ? include : exclude;
            return operator == null ? "TRUE" : alias + "type " + operator + " (SELECT type FROM baseline_types)";
        }
    }

    private SqliteBaselineImport() {
    }

    static BaselineImportOutcome run(Connection c, Dialect dialect, BaselineHeader header, BaselineObjects objects,
                                     Instant receivedAt) throws SQLException {
        prepareStaging(c, dialect);
        BaselineImportOutcome outcome = stageAndApply(c, dialect, header, objects, receivedAt);
        clearStaging(c); // a failure rolls the staging back with everything else
        return outcome;
    }

    private static BaselineImportOutcome stageAndApply(Connection c, Dialect dialect, BaselineHeader header,
                                                       BaselineObjects objects, Instant receivedAt)
            throws SQLException {
        long listed = stageObjects(c, header, objects);
        stageContainers(c, header);
        if (dialect == Dialect.POSTGRESQL) {
            // Temporary tables get no statistics by themselves; without them the planner guesses.
            try (Statement statement = c.createStatement()) {
                statement.executeUpdate("ANALYZE baseline_objects, baseline_containers");
            }
        }
        String fingerprint = fingerprint(c, header);
        Optional<String> known = storedFingerprint(c, header);
        if (known.isPresent()) {
            return known.get().equals(fingerprint)
                    ? new BaselineImportOutcome.Duplicate(header.id())
                    : new BaselineImportOutcome.Conflict(header.id());
        }
        insertBaseline(c, header, listed, fingerprint, receivedAt);
        Params params = new Params(header);

        BaselineChange objectChange = applyToObjects(c, header, params, listed);
        Optional<BaselineChange> containerChange = header.containers().isPresent()
                ? Optional.of(applyToContainers(c, header, params))
                : Optional.empty();
        cover(c, header, params);
        SqlitePolicyStore.countBlocked(c, params.cloudId,
                objectChange.newlyBlocked() - objectChange.unblocked(),
                containerChange.map(change -> change.newlyBlocked() - change.unblocked()).orElse(0L));
        return new BaselineImportOutcome.Imported(header.id(), objectChange, containerChange);
    }

    /** The four values the statements refer to as ?1 to ?4. */
    private record Params(String cloudId, String product, long at, String baselineId) {
        Params(BaselineHeader header) {
            this(header.workspace().cloudId(), header.product().name(), Nanos.of(header.time()), header.id().value());
        }

        void bind(NumberedSql sql, PreparedStatement statement) throws SQLException {
            sql.bind(statement, cloudId, product, at, baselineId);
        }
    }

    // --- staging ---------------------------------------------------------------------------

    /**
     * Temporary tables live per connection, outside the database's files and log; unqualified
     * names find them first in both dialects.
     */
    private static void prepareStaging(Connection c, Dialect dialect) throws SQLException {
        String text = dialect.text();
        String keyed = dialect.keyedTable();
        try (Statement statement = c.createStatement()) {
            if (dialect == Dialect.SQLITE) {
                // A larger page cache (native memory, not the Java heap) speeds up the sort.
                statement.executeUpdate("PRAGMA temp.cache_size = -32768");
            }
            statement.executeUpdate("""
                    CREATE TEMP TABLE IF NOT EXISTS baseline_objects_sent (type %1$s NOT NULL, object_id %1$s NOT NULL)"""
                    .formatted(text));
            statement.executeUpdate("""
                    CREATE TEMP TABLE IF NOT EXISTS baseline_objects (
                        type %1$s NOT NULL, object_id %1$s NOT NULL, PRIMARY KEY (type, object_id))%2$s"""
                    .formatted(text, keyed));
            statement.executeUpdate("""
                    CREATE TEMP TABLE IF NOT EXISTS baseline_containers (container_id %1$s NOT NULL PRIMARY KEY)%2$s"""
                    .formatted(text, keyed));
            statement.executeUpdate("""
                    CREATE TEMP TABLE IF NOT EXISTS baseline_types (type %1$s NOT NULL PRIMARY KEY)%2$s"""
                    .formatted(text, keyed));
        }
        clearStaging(c);
    }

    private static void clearStaging(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String table : List.of("baseline_objects_sent", "baseline_objects", "baseline_containers",
                    "baseline_types")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    /**
     * Appends the objects as sent (appends are fast whatever the order), then copies them
     * sorted and without repeats into the keyed table. Returns how many distinct objects.
     */
    private static long stageObjects(Connection c, BaselineHeader header, BaselineObjects objects)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO baseline_objects_sent (type, object_id) VALUES (?, ?)")) {
            objects.forEachBatch(batch -> {
                try {
                    for (ObjectRef object : batch) {
                        if (!header.covers(object)) {
                            throw new IllegalArgumentException("object " + object + " is outside the scope of "
                                    + "baseline " + header.id());
                        }
                        insert.setString(1, object.type());
                        insert.setString(2, object.id());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                } catch (SQLException e) {
                    throw new StagingFailed(e);
                }
            });
        } catch (StagingFailed e) {
            throw e.getCause();
        }
        try (Statement statement = c.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO baseline_objects (type, object_id)
                    SELECT type, object_id FROM baseline_objects_sent WHERE TRUE ORDER BY type, object_id
                    ON CONFLICT DO NOTHING""");
            statement.executeUpdate("DELETE FROM baseline_objects_sent");
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM baseline_objects")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** Carries an SQLException out of the objects' callback. */
    private static final class StagingFailed extends RuntimeException {
        StagingFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static void stageContainers(Connection c, BaselineHeader header) throws SQLException {
        if (header.containers().isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(header.containers().get());
        sorted.sort(Text::compareCodePoints);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO baseline_containers (container_id) VALUES (?)")) {
            for (int from = 0; from < sorted.size(); from += BATCH) {
                for (String id : sorted.subList(from, Math.min(sorted.size(), from + BATCH))) {
                    insert.setString(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static String fingerprint(Connection c, BaselineHeader header) throws SQLException {
        BaselineFingerprint fingerprint = BaselineFingerprint.start(header);
        try (Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT type, object_id FROM baseline_objects ORDER BY type, object_id")) {
            while (rows.next()) {
                fingerprint.object(rows.getString(1), rows.getString(2));
            }
        }
        return fingerprint.finish();
    }

    // --- the baseline row --------------------------------------------------------------------

    private static Optional<String> storedFingerprint(Connection c, BaselineHeader header) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT fingerprint FROM baselines WHERE cloud_id = ? AND id = ?")) {
            select.setString(1, header.workspace().cloudId());
            select.setString(2, header.id().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static void insertBaseline(Connection c, BaselineHeader header, long objects, String fingerprint,
                                       Instant receivedAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO baselines (cloud_id, id, time_ns, product, types, containers, objects, fingerprint,
                                       received_ns)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, header.workspace().cloudId());
            insert.setString(2, header.id().value());
            insert.setLong(3, Nanos.of(header.time()));
            insert.setString(4, header.product().name());
            // Identifiers have no control characters, so one per line is unambiguous.
            insert.setString(5, header.types().map(types -> String.join("\n", new TreeSet<>(types))).orElse(null));
            insert.setObject(6, header.containers().map(Set::size).orElse(null));
            insert.setLong(7, objects);
            insert.setString(8, fingerprint);
            insert.setLong(9, Nanos.of(receivedAt));
            insert.executeUpdate();
        }
    }

    // --- applying ----------------------------------------------------------------------------

    private static BaselineChange applyToObjects(Connection c, BaselineHeader header, Params params, long listed)
            throws SQLException {
        Map<String, Block> coverage = objectCoverage(c, params);
        Block baseline = header.block();
        boolean everyTypeNewer = newerOrSame(coverage.get(""), baseline);
        List<String> scopeTypes = new ArrayList<>();
        Scope scope;
        if (header.types().isPresent()) {
            scope = Scope.TYPES_LISTED;
            for (String type : header.types().get()) {
                if (!everyTypeNewer && !newerOrSame(coverage.get(type), baseline)) {
                    scopeTypes.add(type);
                }
            }
        } else if (everyTypeNewer) {
            scope = Scope.TYPES_LISTED; // and none listed: nothing is in effect
        } else {
            scope = Scope.TYPES_NOT_LISTED;
            coverage.forEach((type, covering) -> {
                if (!type.isEmpty() && newerOrSame(covering, baseline)) {
                    scopeTypes.add(type);
                }
            });
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO baseline_types (type) VALUES (?)")) {
            for (String type : scopeTypes) {
                insert.setString(1, type);
                insert.executeUpdate();
            }
        }
        return rebase(c, Ledger.OBJECTS, scope, params, listed);
    }

    private static BaselineChange applyToContainers(Connection c, BaselineHeader header, Params params)
            throws SQLException {
        long listed = header.containers().orElseThrow().size();
        Block covering = null;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT time_ns, baseline_id FROM container_coverage WHERE cloud_id = ? AND product = ?")) {
            select.setString(1, params.cloudId);
            select.setString(2, params.product);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    covering = new Block(Nanos.toInstant(row.getLong(1)), new EventId(row.getString(2)));
                }
            }
        }
        if (newerOrSame(covering, header.block())) {
            return new BaselineChange(listed, listed, 0, 0);
        }
        return rebase(c, Ledger.CONTAINERS, Scope.EVERYTHING, params, listed);
    }

    private static Map<String, Block> objectCoverage(Connection c, Params params) throws SQLException {
        Map<String, Block> coverage = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT type, time_ns, baseline_id FROM object_coverage WHERE cloud_id = ? AND product = ?")) {
            select.setString(1, params.cloudId);
            select.setString(2, params.product);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    coverage.put(rows.getString(1),
                            new Block(Nanos.toInstant(rows.getLong(2)), new EventId(rows.getString(3))));
                }
            }
        }
        return coverage;
    }

    private static boolean newerOrSame(Block covering, Block baseline) {
        return covering != null && covering.compareTo(baseline) >= 0;
    }

    /** The five steps of the class comment, for the things in {@code scope}. ?1 to ?4: see {@link Params}. */
    private static BaselineChange rebase(Connection c, Ledger ledger, Scope scope, Params params, long listed)
            throws SQLException {
        update(c, ledger.sql("""
                DELETE FROM {facts} WHERE cloud_id = ?1 AND product = ?2 AND blocked_at_ns <= ?3 AND {scope}""",
                scope), params);
        update(c, ledger.sql("""
                INSERT INTO {facts} (cloud_id, product, {key}, blocked_at_ns, source_id)
                SELECT b.cloud_id, b.product, {b.key}, b.blocked_at_ns, b.event_id
                FROM {staging} s JOIN {answers} b ON b.cloud_id = ?1 AND b.product = ?2 AND {b=s}
                WHERE b.blocked_at_ns > ?3 AND {s.scope}""", scope), params);
        long kept = update(c, ledger.sql("""
                DELETE FROM {answers} WHERE cloud_id = ?1 AND product = ?2
                  AND ({key}) IN (SELECT {key} FROM {staging} WHERE {scope})""", scope), params);
        long dropped = update(c, ledger.sql("""
                DELETE FROM {answers} WHERE cloud_id = ?1 AND product = ?2 AND blocked_at_ns <= ?3 AND {scope}""",
                scope), params);
        long inEffect = update(c, ledger.sql("""
                INSERT INTO {answers} (cloud_id, product, {key}, blocked_at_ns, event_id)
                SELECT ?1, ?2, {key}, ?3, ?4 FROM {staging} WHERE {scope} ORDER BY {key}""", scope), params);
        long promoted = update(c, ledger.sql("""
                INSERT INTO {answers} (cloud_id, product, {key}, blocked_at_ns, event_id)
                SELECT f.cloud_id, f.product, {f.key}, f.blocked_at_ns, f.source_id FROM {facts} f
                WHERE f.cloud_id = ?1 AND f.product = ?2 AND {f.scope}
                  AND NOT EXISTS (SELECT 1 FROM {answers} b
                                  WHERE b.cloud_id = f.cloud_id AND b.product = f.product AND {b=f})
                  AND NOT EXISTS (SELECT 1 FROM {facts} g
                                  WHERE g.cloud_id = f.cloud_id AND g.product = f.product AND {g=f}
                                    AND (g.blocked_at_ns, g.source_id) < (f.blocked_at_ns, f.source_id))""",
                scope), params);
        if (promoted > 0) {
            update(c, ledger.sql("""
                    DELETE FROM {facts} WHERE cloud_id = ?1 AND product = ?2 AND {scope}
                      AND EXISTS (SELECT 1 FROM {answers} b
                                  WHERE b.cloud_id = ?1 AND b.product = ?2 AND {b=facts}
                                    AND b.blocked_at_ns = {facts}.blocked_at_ns
                                    AND b.event_id = {facts}.source_id)""", scope), params);
        }
        return new BaselineChange(listed, listed - inEffect, inEffect - kept, dropped - promoted);
    }

    private static long update(Connection c, String sql, Params params) throws SQLException {
        NumberedSql numbered = NumberedSql.of(sql);
        try (PreparedStatement statement = numbered.prepare(c)) {
            params.bind(numbered, statement);
            return statement.executeUpdate();
        }
    }

    /** The baseline becomes the coverage of every unit of its scope where it is the newest. */
    private static void cover(Connection c, BaselineHeader header, Params params) throws SQLException {
        NumberedSql coverObjects = NumberedSql.of("""
                INSERT INTO object_coverage (cloud_id, product, type, time_ns, baseline_id) VALUES (?1, ?2, ?5, ?3, ?4)
                ON CONFLICT (cloud_id, product, type) DO UPDATE
                SET time_ns = excluded.time_ns, baseline_id = excluded.baseline_id
                WHERE (excluded.time_ns, excluded.baseline_id) > (object_coverage.time_ns, object_coverage.baseline_id)""");
        try (PreparedStatement upsert = coverObjects.prepare(c)) {
            for (String unit : header.types().map(List::copyOf).orElse(List.of(""))) {
                params.bind(coverObjects, upsert);
                coverObjects.bind(upsert, 5, unit);
                upsert.executeUpdate();
            }
        }
        if (header.coversContainers()) {
            update(c, """
                    INSERT INTO container_coverage (cloud_id, product, time_ns, baseline_id) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT (cloud_id, product) DO UPDATE
                    SET time_ns = excluded.time_ns, baseline_id = excluded.baseline_id
                    WHERE (excluded.time_ns, excluded.baseline_id)
                        > (container_coverage.time_ns, container_coverage.baseline_id)""", params);
        }
    }
}
