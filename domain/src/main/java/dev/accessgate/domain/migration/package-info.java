/**
 * App migration webhooks: the events the app migration platform sends and the state of each
 * transfer they describe, folded order-independently and idempotently from its events.
 */
package dev.accessgate.domain.migration;
