/**
 * Installations over HTTP: {@code GET /v1/installations} (never a secret) and the reader of
 * Forge lifecycle payloads that {@code POST /events} hands over.
 */
package dev.accessgate.adapters.http.installation;
