package dev.accessgate.adapters.persistence.sqlite;

import com.zaxxer.hikari.SQLExceptionOverride;
import dev.accessgate.application.port.out.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Which SQLite errors mean "storage unavailable": faults of the file or the machine that may
 * clear by themselves (another process holding a lock, a full disk, a read-only file or
 * mount, an I/O error, a file that cannot be opened now). Callers answer those with a retry
 * later (HTTP 503 + Retry-After); anything else (a constraint, a syntax error, a corrupt file)
 * is a failure. Kept apart from {@link SqliteDatabase} so that the writer can change freely.
 */
final class SqliteFaults {

    /** Primary result codes (the low byte of an extended code) of transient faults. */
    private static final Set<Integer> UNAVAILABLE = Set.of(SQLiteErrorCode.SQLITE_BUSY.code,
            SQLiteErrorCode.SQLITE_LOCKED.code, SQLiteErrorCode.SQLITE_IOERR.code, SQLiteErrorCode.SQLITE_FULL.code,
            SQLiteErrorCode.SQLITE_READONLY.code, SQLiteErrorCode.SQLITE_CANTOPEN.code,
            SQLiteErrorCode.SQLITE_PROTOCOL.code);

    /**
     * The pool discards a connection that saw a storage fault instead of lending it again.
     * sqlite-jdbc begins a connection's transaction in {@code setAutoCommit(false)}; when that
     * BEGIN fails (busy), the driver still believes a transaction is open, so the next write on
     * that connection would run its statements each in its own transaction and then fail to
     * commit: half applied. A fresh connection has no such state.
     */
    static final SQLExceptionOverride EVICT_ON_FAULT = new SQLExceptionOverride() {
        @java.lang.Override
        public Override adjudicate(SQLException e) {
            return isUnavailable(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    };

    private SqliteFaults() {
    }

    /** True when trying again later may succeed. */
    static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return UNAVAILABLE.contains(sqlite.getResultCode().code & 0xFF);
        }
        // The pool's own timeout (every connection busy or none could be opened) is transient too.
        return e instanceof SQLTransientException;
    }

    /** The store's exception for {@code e}; its message never carries data, only SQLite's text. */
    static StoreException translate(SQLException e) {
        return new StoreException(isUnavailable(e) ? StoreException.Kind.UNAVAILABLE : StoreException.Kind.FAILED,
                "SQLite: " + e.getMessage(), e);
    }
}
