/**
 * The adapter kit: an in-memory implementation of the outgoing ports and the abstract
 * contract tests that every implementation (this one, SQLite, yours) must pass.
 * Published in the application test-jar.
 */
package dev.accessgate.application.testkit;
