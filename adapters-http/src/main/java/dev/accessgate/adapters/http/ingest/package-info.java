/** {@code POST /events}: CloudEvents content modes, attribute validation, mapping to policy events. */
package dev.accessgate.adapters.http.ingest;
