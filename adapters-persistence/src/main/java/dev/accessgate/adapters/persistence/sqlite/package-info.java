/**
 * The embedded default: one SQLite file in WAL mode, plain JDBC, Flyway migrations. One
 * writer at a time (SQLite allows no more) and a small pool of readers. The stores here run
 * on PostgreSQL too, through {@link dev.accessgate.adapters.persistence.jdbc.Database}; their
 * names predate that (docs/decisions/0010-postgresql.md).
 */
package dev.accessgate.adapters.persistence.sqlite;
