/** The operator's overview under {@code /v1/overview}: totals by status and state, the latest events and deliveries. */
package dev.accessgate.adapters.http.overview;
