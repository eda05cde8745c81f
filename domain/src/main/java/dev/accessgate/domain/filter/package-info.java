/**
 * The Forge event-filter expression language: compile an expression once, then evaluate it
 * against event payloads under a step budget. Pure Java, no dependencies.
 */
package dev.accessgate.domain.filter;
