/** Deliveries of events to subscription handlers: Forge retry rules, the delivery state machine and event type patterns. */
package dev.accessgate.domain.delivery;
