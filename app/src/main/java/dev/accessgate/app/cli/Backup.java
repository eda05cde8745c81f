package dev.accessgate.app.cli;

import dev.accessgate.adapters.persistence.sqlite.SqliteBackup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * {@code backup <copy.db> [--db file]}: an online copy of the SQLite file, safe while the service
 * runs (docs/operations.md, Backup). Exits 0 when the copy opened and passed its integrity check.
 */
final class Backup {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Backup(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            err.println("usage: java -jar accessgate.jar backup <copy.db> [--db ./accessgate.db]");
            return 2;
        }
        Path source;
        try {
            source = Path.of(Flags.parse(args, 2, Set.of("db")).get("db",
                    env.getOrDefault("ACCESSGATE_DB", "./accessgate.db")));
        } catch (IllegalArgumentException e) {
            err.println("backup: " + e.getMessage());
            return 2;
        }
        try {
            SqliteBackup.Copy copy = SqliteBackup.copy(source, Path.of(args[1]));
            out.printf("backup of %s written to %s: %d bytes, %d events, schema version %s, integrity %s%n", source,
                    copy.file(), copy.bytes(), copy.events(), copy.schemaVersion(), copy.integrity());
            return copy.ok() ? 0 : 1;
        } catch (IOException | SQLException e) {
            err.println("backup: " + e.getMessage());
            return 1;
        }
    }
}
