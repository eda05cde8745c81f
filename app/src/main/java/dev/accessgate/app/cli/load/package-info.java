/**
 * The load generator ({@code java -jar accessgate.jar load ...}): policy events, small events
 * and query traffic against a local accessgate, at a fixed rate or flat out, with latency
 * percentiles. Loopback targets only; every run is bounded in time and count.
 */
package dev.accessgate.app.cli.load;
