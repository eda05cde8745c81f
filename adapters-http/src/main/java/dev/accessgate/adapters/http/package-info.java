/** Driving adapters over HTTP (Micronaut): event ingestion, the query API, problem+json errors. */
package dev.accessgate.adapters.http;
