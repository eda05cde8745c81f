/** The dashboard's static files under {@code /dashboard/}: public, no data in them; the page reads {@code /v1} with the API token. */
package dev.accessgate.adapters.http.dashboard;
