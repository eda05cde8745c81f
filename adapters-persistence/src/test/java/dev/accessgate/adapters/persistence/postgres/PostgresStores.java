package dev.accessgate.adapters.persistence.postgres;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The database of one contract test class: created and migrated once, emptied before each
 * test (much faster than a new database per test), closed by {@link #close()}.
 */
final class PostgresStores {

    private PostgresDatabase db;

    /** The class's database with every table empty. */
    PostgresDatabase fresh() {
        if (db == null) {
            db = PostgresDatabase.open(TestPostgres.server().freshDatabase());
        } else {
            empty(db);
        }
        return db;
    }

    /** Closes the pool and connects again, as a restarted instance would. */
    PostgresDatabase reopen() {
        db.close();
        db = PostgresDatabase.open(db.settings());
        return db;
    }

    void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private static void empty(PostgresDatabase db) {
        db.write(c -> {
            try (Statement statement = c.createStatement()) {
                String tables;
                try (ResultSet row = statement.executeQuery("""
                        SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables
                        WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'""")) {
                    row.next();
                    tables = row.getString(1);
                }
                statement.execute("TRUNCATE " + tables + " RESTART IDENTITY CASCADE");
            }
            return null;
        });
    }
}
