/** The read API of the access policy state under {@code /v1}. */
package dev.accessgate.adapters.http.query;
