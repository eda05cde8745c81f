/** Test support for the fuzzing runs: seeded mutation of JSON inputs and the run's bookkeeping. */
package dev.accessgate.adapters.http.fuzz;
