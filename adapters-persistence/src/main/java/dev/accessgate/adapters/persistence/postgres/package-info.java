/**
 * PostgreSQL, for several instances over one database: the same JDBC stores as SQLite (see
 * the jdbc package for where the dialects differ), Flyway migrations in db/migration/postgresql,
 * a pool of connections with concurrent writers.
 */
package dev.accessgate.adapters.persistence.postgres;
