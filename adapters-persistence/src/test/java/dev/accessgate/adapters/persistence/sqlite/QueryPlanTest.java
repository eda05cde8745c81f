package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk check looks every wanted object up by its whole primary key. */
class QueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void a_bulk_check_searches_the_ledger_by_the_whole_primary_key_for_each_wanted_object() {
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("plan.db")))) {
            List<String> plan = db.read(c -> {
                List<String> steps = new ArrayList<>();
                try (PreparedStatement explain = c.prepareStatement(
                        "EXPLAIN QUERY PLAN " + SqlitePolicyStore.blockedAmongSql(500))) {
                    for (int i = 1; i <= 3 * 500 + 1; i++) {
                        explain.setString(i, "x");
                    }
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            steps.add(rows.getString("detail"));
                        }
                    }
                }
                return steps;
            });

            // The plan the bulk-check benchmark found was SEARCH b ... (cloud_id=?) then SCAN w:
            // every blocked object of the workspace, once per wanted object.
            assertThat(plan).contains(
                    "SEARCH b USING PRIMARY KEY (cloud_id=? AND product=? AND type=? AND object_id=?)");
            assertThat(plan.indexOf("SCAN w")).isLessThan(plan.indexOf(
                    "SEARCH b USING PRIMARY KEY (cloud_id=? AND product=? AND type=? AND object_id=?)"));
        }
    }
}
