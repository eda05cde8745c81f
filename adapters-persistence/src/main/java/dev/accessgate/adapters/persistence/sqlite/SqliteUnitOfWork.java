package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.application.port.out.UnitOfWork;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One write transaction of the {@link SqliteDatabase} around {@code work}: every SQLite store
 * on the same database that {@code work} calls joins it (their own writes and reads run on its
 * connection), so all of it commits together or, if {@code work} throws, none of it.
 */
public final class SqliteUnitOfWork implements UnitOfWork {

    private final Database db;

    public SqliteUnitOfWork(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return db.write(connection -> work.get());
    }
}
