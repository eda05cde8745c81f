package dev.accessgate.app;

import dev.accessgate.adapters.persistence.jdbc.Database;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

/**
 * Opens (and migrates) the database on a thread of its own as soon as the context starts, the
 * first of the beans made at start-up: the main thread meanwhile builds everything that does not
 * need the database, and the first bean that does waits for it. Opening a new SQLite file is about
 * a quarter of the start-up (docs/benchmarks.md, "Issue 8, third session"). A failure is left
 * to that first bean, which opens it again and fails the start with the same error as before.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class DatabaseOpener {

    DatabaseOpener(BeanProvider<Database> database) {
        Thread opener = new Thread(() -> {
            try {
                database.get();
            } catch (RuntimeException reportedByTheBeanThatNeedsIt) {
                // not reported twice: the main thread gets the same error when it needs the database
            }
        }, "accessgate-open-database");
        opener.setDaemon(true);
        opener.start();
    }
}
