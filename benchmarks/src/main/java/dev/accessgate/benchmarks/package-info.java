/**
 * JMH benchmarks of the domain and the in-process query path, and the two ceilings (raw sqlite-jdbc
 * insert, a no-op Netty HTTP server); results in docs/benchmarks.md.
 */
package dev.accessgate.benchmarks;
