/**
 * The pure core of accessgate: access policy state, retry rules and the filter language.
 * Plain Java 17 with no dependencies, so any JVM product can embed it.
 */
package dev.accessgate.domain;
