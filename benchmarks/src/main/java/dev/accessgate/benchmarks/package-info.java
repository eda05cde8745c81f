/** JMH benchmarks of the domain and the in-process query path; results in docs/benchmarks.md. */
package dev.accessgate.benchmarks;
