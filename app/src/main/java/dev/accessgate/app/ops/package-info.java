/** Operability: health of the database, Prometheus metrics. */
package dev.accessgate.app.ops;
