package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.domain.delivery.DeliveryState;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview's queries read indexes, never sort a whole table, and count without reading rows. */
class OverviewQueryPlanTest {

    @TempDir
    Path dir;

    private List<String> plan(String sql, Object... arguments) {
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("plan.db")))) {
            return db.read(c -> {
                List<String> steps = new ArrayList<>();
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                    for (int i = 0; i < arguments.length; i++) {
                        explain.setObject(i + 1, arguments[i]);
                    }
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            steps.add(rows.getString("detail"));
                        }
                    }
                }
                return steps;
            });
        }
    }

    @Test
    void counts_scan_only_the_status_and_state_indexes() {
        assertThat(plan(SqliteOverviewStore.COUNT_EVENTS)).containsExactly("SCAN events USING COVERING INDEX events_by_status");
        assertThat(plan(SqliteOverviewStore.COUNT_DELIVERIES))
                .containsExactly("SCAN deliveries USING COVERING INDEX deliveries_state");
    }

    @Test
    void latest_events_walk_an_index_backwards_without_sorting() {
        assertThat(plan(SqlitePolicyStore.EVENT_COLUMNS + SqliteOverviewStore.latestEventsWhere(true, 50), "UNPROCESSED"))
                .containsExactly("SEARCH events USING INDEX events_by_status (status=?)");
        assertThat(plan(SqlitePolicyStore.EVENT_COLUMNS + SqliteOverviewStore.latestEventsWhere(false, 50)))
                .containsExactly("SCAN events");
    }

    @Test
    void latest_deliveries_of_one_state_walk_the_state_index_backwards_without_sorting() {
        assertThat(plan("SELECT * FROM deliveries d"
                + SqliteOverviewStore.latestDeliveriesWhere(Set.of(DeliveryState.DEAD), 50), 0L))
                .containsExactly("SEARCH d USING INDEX deliveries_state (state=? AND seq>?)");
        assertThat(plan("SELECT * FROM deliveries d" + SqliteOverviewStore.latestDeliveriesWhere(Set.of(), 50), 0L))
                .containsExactly("SEARCH d USING INTEGER PRIMARY KEY (rowid>?)");
    }
}
