/**
 * The embedded default: one SQLite file in WAL mode, plain JDBC, Flyway migrations. One
 * writer at a time (SQLite allows no more) and a small pool of readers.
 */
package dev.accessgate.adapters.persistence.sqlite;
