/**
 * App migration webhooks: {@code POST /migration/events} (Connect JWT), the transfer queries
 * under {@code /v1/migrations}, the Connect descriptor fragment, and the client of a Connect
 * site's Notification API that registers the webhook.
 */
package dev.accessgate.adapters.http.migration;
