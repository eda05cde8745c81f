/**
 * What the SQLite and PostgreSQL adapters share: the {@link dev.accessgate.adapters.persistence.jdbc.Database}
 * the stores run their SQL on, and the few places where the two dialects differ.
 */
package dev.accessgate.adapters.persistence.jdbc;
