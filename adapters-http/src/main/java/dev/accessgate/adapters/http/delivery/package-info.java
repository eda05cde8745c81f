/** The delivery API under {@code /v1/deliveries}: list by state, replay a dead delivery. */
package dev.accessgate.adapters.http.delivery;
